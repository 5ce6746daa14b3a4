using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Supervision;

[JsonConverter(typeof(JsonStringEnumConverter<SupervisionCaseEventKind>))]
public enum SupervisionCaseEventKind
{
    Submitted,
    Corrected,
    Accepted,
    FollowUpRequired,
    MeetingScheduled,
    MeetingRescheduled,
    MeetingHeld,
    Closed,
}

/// <summary>One attributed step of a supervision case, kept in order; <see cref="Detail"/> is the reason, time or note of the step.</summary>
public sealed record SupervisionCaseEvent(SupervisionCaseEventKind Kind, string By, DateTimeOffset At)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Detail { get; init; }
}
