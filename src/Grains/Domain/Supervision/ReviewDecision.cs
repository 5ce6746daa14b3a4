using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Supervision;

/// <summary>The chief's review of a board's report beside the administration's data.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReviewDecision>))]
public enum ReviewDecision
{
    Accept,
    /// <summary>The data call for further follow-up: a meeting with the board (a reason is required).</summary>
    FollowUpMeeting,
}
