using System.Text.Json.Serialization;
using OrleansTilsyn.Grains.Domain.Calendar;

namespace OrleansTilsyn.Grains.Domain.FollowUps;

/// <summary>A 1:1 ledelsesopfølgning between the chief and the leader, planned from the calendar.</summary>
public sealed record OneToOne(OneToOneSlot Slot, OneToOneStatus Status)
{
    public DateTimeOffset? ScheduledFor { get; init; }

    public DateTimeOffset? HeldAt { get; init; }

    public string? HeldBy { get; init; }

    /// <summary>Who wrote the record of the 1:1 (the record itself is a document kept outside the loop state).</summary>
    public string? RecordedBy { get; init; }

    public DateTimeOffset? RecordedAt { get; init; }

    [JsonIgnore]
    public bool IsRecorded => RecordedAt is not null;

    [JsonIgnore]
    public string Key => Slot.Key;

    [JsonIgnore]
    public bool IsHeld => Status == OneToOneStatus.Held;

    /// <summary>Due day passed and not held (never for one that was due before tracking).</summary>
    public bool IsOverdue(DateTimeOffset now) =>
        Status is OneToOneStatus.Planned or OneToOneStatus.Scheduled && DomainDates.IsOverdue(Slot.Due, now);
}
