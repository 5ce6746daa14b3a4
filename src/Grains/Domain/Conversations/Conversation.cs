using System.Text.Json.Serialization;
using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Calendar;

namespace OrleansTilsyn.Grains.Domain.Conversations;

/// <summary>One læringssamtale of a loop: its slot, its progress, the board's statements and every record version.</summary>
public sealed record Conversation(ConversationSlot Slot, ConversationStatus Status)
{
    public DateTimeOffset? ScheduledFor { get; init; }

    public string? ScheduledBy { get; init; }

    public DateTimeOffset? HeldAt { get; init; }

    public string? HeldBy { get; init; }

    public ImmutableArray<BoardStatement> BoardStatements { get; init; } = [];

    /// <summary>Every version of the minutes, oldest first; the last is current.</summary>
    public ImmutableArray<ConversationRecord> Records { get; init; } = [];

    [JsonIgnore]
    public Period Period => Slot.Period;

    [JsonIgnore]
    public bool IsHeld => Status == ConversationStatus.Held;

    [JsonIgnore]
    public ConversationRecord? CurrentRecord => Records.IsDefaultOrEmpty ? null : Records[^1];
}
