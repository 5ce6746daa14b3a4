using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Supervision;

[JsonConverter(typeof(JsonStringEnumConverter<BoardReportStatus>))]
public enum BoardReportStatus
{
    Pending,
    Submitted,
    Accepted,
    FollowUpRequired,
    FollowUpHeld,
    BeforeTracking,
}
