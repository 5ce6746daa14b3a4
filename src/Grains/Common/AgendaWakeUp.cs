using Orleans;
using Orleans.Runtime;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Grains.Domain.Loop;

namespace OrleansTilsyn.Grains.Common;

/// <summary>
/// The one Orleans reminder (<see cref="IAgendaGrain.WakeReminder"/>) that wakes a committing grain at its next due
/// item, with the heartbeat as its period. Remembers in memory when the registered reminder first ticks, so a commit
/// writes the reminder table only when it moves the next item earlier than that.
/// </summary>
internal sealed class AgendaWakeUp(Grain grain, TimeSpan heartbeat, IReminderTable? table)
{
    private IGrainReminder? _handle;
    private bool _exists;

    /// <summary>When the registered reminder first ticks; null when none is registered or its time is unknown.</summary>
    private DateTimeOffset? _firstTick;

    /// <summary>
    /// Learns what is registered. The reminder table's row tells when the reminder first ticks (Orleans' reminder
    /// handle names only the reminder); without a readable table, a registered reminder's time stays unknown and the
    /// next commit with an item registers it again.
    /// </summary>
    public async Task LoadAsync()
    {
        _handle = null;
        _firstTick = null;
        _exists = true; // until read: should the read fail, an empty agenda still removes a reminder that may exist
        if (table is not null)
        {
            var row = await table.ReadRow(grain.GetGrainId(), IAgendaGrain.WakeReminder);
            _exists = row is not null;
            if (row is not null && row.Period == heartbeat) _firstTick = new DateTimeOffset(DateTime.SpecifyKind(row.StartAt, DateTimeKind.Utc));
            return;
        }

        _handle = await grain.GetReminder(IAgendaGrain.WakeReminder);
        _exists = _handle is not null;
    }

    /// <summary>
    /// Before a state write with <paramref name="agenda"/>: registers the wake-up when none is known, or when the next
    /// item falls before the reminder's next tick (a wake-up with nothing due is harmless; an item without one is not).
    /// While waking, an item already due is being applied and does not count.
    /// </summary>
    public Task BeforeWriteAsync(Agenda agenda, DateTimeOffset now, bool waking)
    {
        if (agenda.Next is not { } next) return Task.CompletedTask;
        if (NextTick(now) is not { } tick) return RegisterAsync(next.DueAt, now);
        if (next.DueAt >= tick || (waking && next.DueAt <= now)) return Task.CompletedTask;
        return RegisterAsync(next.DueAt, now);
    }

    /// <summary>After a state write with <paramref name="agenda"/>: no wake-up is kept for an empty agenda.</summary>
    public Task AfterWriteAsync(Agenda agenda) => agenda.Next is null && _exists ? UnregisterAsync() : Task.CompletedTask;

    /// <summary>
    /// After a wake (and on activation): the reminder first ticks at the next item not yet due, unless it is registered
    /// for a time still ahead and not after that item. An item still due (the grain made no progress on it) is left to
    /// the heartbeat rather than woken again at once.
    /// </summary>
    public Task EnsureAsync(Agenda agenda, DateTimeOffset now)
    {
        if (agenda.Next is null) return _exists ? UnregisterAsync() : Task.CompletedTask;
        var upcoming = agenda.Items.FirstOrDefault(item => item.DueAt > now);
        if (upcoming is null) return _exists ? Task.CompletedTask : RegisterAsync(now + heartbeat, now);
        if (_firstTick is { } first && first > now && first <= upcoming.DueAt) return Task.CompletedTask;
        return RegisterAsync(upcoming.DueAt, now);
    }

    /// <summary>The registered reminder's first tick at or after <paramref name="now"/>; null when none is known.</summary>
    private DateTimeOffset? NextTick(DateTimeOffset now)
    {
        if (_firstTick is not { } first) return null;
        if (first >= now) return first;
        var periods = ((now - first).Ticks + heartbeat.Ticks - 1) / heartbeat.Ticks;
        return first + TimeSpan.FromTicks(periods * heartbeat.Ticks);
    }

    private async Task RegisterAsync(DateTimeOffset dueAt, DateTimeOffset now)
    {
        var dueTime = dueAt > now ? dueAt - now : TimeSpan.Zero;
        _handle = await grain.RegisterOrUpdateReminder(IAgendaGrain.WakeReminder, dueTime, heartbeat);
        _exists = true;
        _firstTick = now + dueTime;
    }

    private async Task UnregisterAsync()
    {
        var handle = _handle ?? await grain.GetReminder(IAgendaGrain.WakeReminder);
        if (handle is not null) await grain.UnregisterReminder(handle);
        _handle = null;
        _exists = false;
        _firstTick = null;
    }
}
