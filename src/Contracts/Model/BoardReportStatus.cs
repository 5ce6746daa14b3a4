using System.Text.Json.Serialization;

namespace OrleansTilsyn.Contracts.Model;

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
