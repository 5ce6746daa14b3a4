using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

[JsonConverter(typeof(JsonStringEnumConverter<BoardReportStatus>))]
[GenerateSerializer, Alias("tilsyn.BoardReportStatus")]
public enum BoardReportStatus
{
    Pending,
    Submitted,
    Accepted,
    FollowUpRequired,
    FollowUpHeld,
    BeforeTracking,
}
