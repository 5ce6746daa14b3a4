using OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Silo.Simulation;

/// <summary>Loop health per sector, counted from the units' own timelines (what the grains say happened).</summary>
public sealed record SectorHealth
{
    /// <summary>Samtaler whose window has closed (tracked ones only).</summary>
    public int ConversationsDue { get; init; }
    public int HeldOnTime { get; init; }
    public int HeldLate { get; init; }

    /// <summary>Window closed without the samtale held (it may have been held later).</summary>
    public int Overdue { get; init; }
    public int MinutesOnTime { get; init; }
    public int MinutesLate { get; init; }
    public int MinutesMissing { get; init; }
    public int OneToOnesDue { get; init; }
    public int OneToOnesHeld { get; init; }

    public double OneToOneAdherence => OneToOnesDue == 0 ? 1 : OneToOnesHeld / (double)OneToOnesDue;
}

/// <summary>Adds up observed timelines; thread-safe. Each loop of a unit is observed once.</summary>
internal sealed class LoopHealthTally
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Sector, SectorHealth> _sectors = Enum.GetValues<Sector>().ToDictionary(s => s, _ => new SectorHealth());
    private readonly Dictionary<(TaskKind, TaskState), int> _tasks = [];

    public IReadOnlyDictionary<Sector, SectorHealth> Sectors => _sectors;

    public IReadOnlyDictionary<(TaskKind Kind, TaskState State), int> Tasks => _tasks;

    /// <summary>Counts what was due before <paramref name="asOf"/>: samtaler whose window closed, minutes due, 1:1s due.</summary>
    public void Observe(Sector sector, TimelineDto t, DateOnly asOf)
    {
        var conversations = t.Conversations.Where(c => c.Status != ConversationStatus.BeforeTracking && c.WindowClose < asOf).ToArray();
        var held = conversations.Where(c => c.HeldAt is not null).ToArray();
        var heldOnTime = held.Count(c => Day(c.HeldAt!.Value) <= c.WindowClose);
        var minutesDue = held.Where(c => Day(c.HeldAt!.Value).AddDays(14) < asOf).ToArray();
        var minutesOnTime = minutesDue.Count(c => c.RecordedAt is { } at && Day(at) <= Day(c.HeldAt!.Value).AddDays(14));
        var minutesWritten = minutesDue.Count(c => c.RecordedAt is not null);
        var oneToOnes = t.OneToOnes.Where(o => o.Status != OneToOneStatus.BeforeTracking && o.Due < asOf).ToArray();
        lock (_lock)
        {
            var s = _sectors[sector];
            _sectors[sector] = s with
            {
                ConversationsDue = s.ConversationsDue + conversations.Length,
                HeldOnTime = s.HeldOnTime + heldOnTime,
                HeldLate = s.HeldLate + held.Length - heldOnTime,
                Overdue = s.Overdue + conversations.Length - heldOnTime,
                MinutesOnTime = s.MinutesOnTime + minutesOnTime,
                MinutesLate = s.MinutesLate + minutesWritten - minutesOnTime,
                MinutesMissing = s.MinutesMissing + minutesDue.Length - minutesWritten,
                OneToOnesDue = s.OneToOnesDue + oneToOnes.Length,
                OneToOnesHeld = s.OneToOnesHeld + oneToOnes.Count(o => o.HeldAt is not null),
            };
        }
    }

    public void CountTasks(IEnumerable<TaskDto> tasks)
    {
        lock (_lock)
        {
            foreach (var t in tasks) _tasks[(t.Kind, t.State)] = _tasks.GetValueOrDefault((t.Kind, t.State)) + 1;
        }
    }

    private static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);
}
