using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Supervision;

/// <summary>Where the chief's follow-up on a submitted supervision report stands. Accepted and Closed are final.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SupervisionCaseStage>))]
public enum SupervisionCaseStage
{
    AwaitingReview,
    Accepted,
    FollowUpRequired,
    MeetingScheduled,
    MeetingHeld,
    Closed,
}
