using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Loop;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

/// <summary>
/// The old runtime's one-shot reminders delivered on time, as the reference an agenda run must agree with:
/// the earliest pending reminder (ties in scheduling order) is delivered at its due time, or at once when
/// it was scheduled into the past; a delivered reminder leaves unless its handler scheduled it again.
/// </summary>
internal static class OnTimeReminders
{
    /// <summary>Delivers every reminder due by <paramref name="until"/> and returns the state and what is still pending.</summary>
    public static (UnitLoopState State, Dictionary<string, DateTimeOffset> Pending) DeliverUntil(
        UnitLoopState state, IEnumerable<AgendaChange> scheduled, DateTimeOffset until)
    {
        var pending = new Dictionary<string, (DateTimeOffset DueAt, long Version)>(StringComparer.Ordinal);
        long version = 0;
        void Apply(IEnumerable<AgendaChange> changes)
        {
            foreach (var change in changes)
            {
                if (change is AgendaChange.Schedule s) pending[s.Name] = (s.DueAt, ++version);
                else pending.Remove(change.Name);
            }
        }

        Apply(scheduled);
        var clock = DateTimeOffset.MinValue;
        while (pending.Count > 0)
        {
            var (name, (dueAt, delivered)) = pending.OrderBy(p => p.Value.DueAt).ThenBy(p => p.Value.Version).First();
            if (dueAt > until) break;
            clock = dueAt > clock ? dueAt : clock;
            var outcome = Deliver(state, name, dueAt, clock);
            state = outcome.State;
            Apply(outcome.Effects.Reminders);
            if (pending.TryGetValue(name, out var current) && current.Version == delivered) pending.Remove(name);
        }
        return (state, pending.ToDictionary(p => p.Key, p => p.Value.DueAt, StringComparer.Ordinal));
    }

    /// <summary>What the unit grain does with a delivery: next-loop starts the next loop (with the default wheel), the rest goes to the loop.</summary>
    public static LoopOutcome Deliver(UnitLoopState s, string name, DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (!ReminderNames.TryParse(name, out var kind, out _) || kind != ReminderKind.NextLoop)
            return LoopReminders.OnReminder(s, name, dueAt, now);
        var next = LoopStart.OnNextLoopReminder(s, name, s.Unit, Wheel(s.Unit), Themes(s.Loop.Next()), now);
        return next.IsSuccess ? next.Value : new LoopOutcome(s, LoopEffects.None);
    }
}
