using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>One applied agenda item: the time it took effect at and the transition it ran.</summary>
public sealed record AgendaStep(DueItem Item, DateTimeOffset At, LoopOutcome Outcome);

/// <summary>
/// Applies the items of an <see cref="Agenda"/> due by now to a unit's loop state, in due order, through a
/// handler the grain gives (<see cref="LoopReminders.OnReminder"/>, or starting the next loop for a
/// "next-loop:…" item). Each handler's agenda changes apply before its item leaves the agenda, so the items it
/// schedules that are already due run in the same run, and an item it schedules again at the same due time
/// leaves with it. Each (name, due time) runs at most once per run. A run stops after a bound of items with
/// <see cref="MoreDue"/> set, so the grain continues in a later turn.
/// </summary>
/// <remarks>
/// An item takes effect at its due time (or at the previous item's, when an applied item scheduled one into
/// the past), as if the grain had been awake then: after an outage of any length the loop ends in the state
/// on-time wakes would have left (tasks raised on the day they were due, then made overdue by the overdue check).
/// </remarks>
/// <param name="State">The loop state after the applied items.</param>
/// <param name="Agenda">The agenda after the applied items: what they scheduled, without what ran.</param>
/// <param name="Steps">The applied items with their outcomes, in the order they ran.</param>
/// <param name="MoreDue">The run stopped at its bound with items still due.</param>
public sealed record AgendaRun(UnitLoopState State, Agenda Agenda, ImmutableArray<AgendaStep> Steps, bool MoreDue)
{
    /// <summary>Items one run applies at most: well above a two-year loop's items, overdue checks included.</summary>
    public const int DefaultMaxItems = 1000;

    /// <summary>Every step's effects in order, as one transition's (the agenda changes are already in <see cref="Agenda"/>).</summary>
    public LoopEffects Effects => new(
        [.. Steps.SelectMany(s => s.Outcome.Effects.TasksRaised)],
        [.. Steps.SelectMany(s => s.Outcome.Effects.TasksUpdated)],
        [.. Steps.SelectMany(s => s.Outcome.Effects.TasksClosed)],
        [.. Steps.SelectMany(s => s.Outcome.Effects.Reminders)],
        [.. Steps.SelectMany(s => s.Outcome.Effects.Documents)]);

    /// <param name="runItem">Runs one item on the state at the given time.</param>
    public static AgendaRun Run(UnitLoopState state, Agenda agenda, DateTimeOffset now,
        Func<UnitLoopState, DueItem, DateTimeOffset, LoopOutcome> runItem, int maxItems = DefaultMaxItems)
    {
        var progress = new Progress(state, agenda, now, maxItems);
        while (progress.TryTake(out var item, out var at)) progress.Record(item, at, runItem(progress.State, item, at));
        return progress.Result();
    }

    /// <summary>As <see cref="Run"/>, for a handler that must await (e.g. to resolve the next loop's wheel).</summary>
    public static async Task<AgendaRun> RunAsync(UnitLoopState state, Agenda agenda, DateTimeOffset now,
        Func<UnitLoopState, DueItem, DateTimeOffset, Task<LoopOutcome>> runItem, int maxItems = DefaultMaxItems)
    {
        var progress = new Progress(state, agenda, now, maxItems);
        while (progress.TryTake(out var item, out var at)) progress.Record(item, at, await runItem(progress.State, item, at));
        return progress.Result();
    }

    private sealed class Progress
    {
        private readonly DateTimeOffset _now;
        private readonly int _maxItems;
        private readonly HashSet<DueItem> _ran = [];
        private readonly ImmutableArray<AgendaStep>.Builder _steps = ImmutableArray.CreateBuilder<AgendaStep>();
        private Agenda _agenda;
        private DateTimeOffset? _lastAt;

        public Progress(UnitLoopState state, Agenda agenda, DateTimeOffset now, int maxItems)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
            State = state;
            _agenda = agenda;
            _now = now;
            _maxItems = maxItems;
        }

        public UnitLoopState State { get; private set; }

        /// <summary>The next due item to run and when it takes effect; false when none is due or the bound is reached.</summary>
        public bool TryTake([NotNullWhen(true)] out DueItem? item, out DateTimeOffset at)
        {
            while (_agenda.Next is { } next && next.DueAt <= _now)
            {
                if (_ran.Contains(next))
                {
                    // Scheduled again by a later item at a time that already ran: it does not run twice.
                    _agenda = _agenda.Without(next);
                    continue;
                }
                if (_steps.Count >= _maxItems) break;
                item = next;
                at = _lastAt is { } last && last > next.DueAt ? last : next.DueAt;
                return true;
            }
            item = null;
            at = default;
            return false;
        }

        public void Record(DueItem item, DateTimeOffset at, LoopOutcome outcome)
        {
            _ran.Add(item);
            _steps.Add(new AgendaStep(item, at, outcome));
            _agenda = _agenda.Apply(outcome.Effects.Reminders).Without(item);
            _lastAt = at;
            State = outcome.State;
        }

        public AgendaRun Result() => new(State, _agenda, _steps.ToImmutable(), _agenda.Next is { } next && next.DueAt <= _now);
    }
}
