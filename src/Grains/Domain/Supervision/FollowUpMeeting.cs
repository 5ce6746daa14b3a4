using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Supervision;

/// <summary>
/// The chief's meeting with the board: when it is planned, then when it was held, the notes and who
/// attended by function (e.g. "Bestyrelsesformand", "BU-chef"), never by name.
/// </summary>
public sealed record FollowUpMeeting(DateTimeOffset? ScheduledFor)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? HeldAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Notes { get; init; }

    public ImmutableArray<string> Attendees { get; init; } = [];
}
