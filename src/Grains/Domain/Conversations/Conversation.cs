using System.Text.Json.Serialization;
using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Calendar;

namespace OrleansTilsyn.Grains.Domain.Conversations;

/// <summary>
/// One læringssamtale of a loop: its slot and its progress. The minutes and the board's statements
/// are documents kept outside the loop state; the loop keeps how many versions and statements exist
/// and which roles the current minutes list (the attendance rules of later samtaler need them).
/// </summary>
public sealed record Conversation(ConversationSlot Slot, ConversationStatus Status)
{
    public DateTimeOffset? ScheduledFor { get; init; }

    public string? ScheduledBy { get; init; }

    public DateTimeOffset? HeldAt { get; init; }

    public string? HeldBy { get; init; }

    /// <summary>How many statements the board has written for this samtale.</summary>
    public int BoardStatements { get; init; }

    /// <summary>How many versions of the minutes exist (0 = none yet); the last is current.</summary>
    public int RecordVersions { get; init; }

    /// <summary>When the first version of the minutes was submitted.</summary>
    public DateTimeOffset? RecordedAt { get; init; }

    /// <summary>
    /// The roles the current minutes list as present that attendance rules over several samtaler count
    /// (once a year, once a loop); the full list is in the minutes.
    /// </summary>
    public ImmutableArray<ParticipantRole> RecordedRoles { get; init; } = [];

    [JsonIgnore]
    public Period Period => Slot.Period;

    [JsonIgnore]
    public bool IsHeld => Status == ConversationStatus.Held;

    [JsonIgnore]
    public bool HasRecord => RecordVersions > 0;
}
