using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Contracts.Grains;

namespace OrleansTilsyn.Grains.Common;

// The agenda's wake-up: the reminder and the catch-up call WakeAsync; every due item is applied by the derived grain.
public abstract partial class CommittingGrain<TState>
{
    /// <summary>Calls of <see cref="OnDueAsync"/> one wake makes at most, so a handler that keeps scheduling due items cannot hold the grain.</summary>
    private const int MaxDueRounds = 1000;

    private bool _waking;

    /// <summary>Whether an interface method may change state (reads are <see cref="AlwaysInterleaveAttribute"/>); by method, computed once.</summary>
    private static readonly ConcurrentDictionary<MethodInfo, bool> Commands = new();

    public Task WakeAsync() => WakeCoreAsync();

    /// <summary>
    /// Around a command, applies the items due and not yet applied, as the schedule: before it, what fell due while the
    /// reminder's tick is still on its way, so the command meets the state the schedule has reached; after it, what the
    /// command made due already (a loop registered after its first deadline), so the caller reads its effects at once.
    /// </summary>
    async Task IIncomingGrainCallFilter.Invoke(IIncomingGrainCallContext call)
    {
        var command = call.InterfaceMethod is { } method && IsCommand(method);
        if (command) await ApplyWhatIsDueAsync("apply the items due before a command");
        await call.Invoke();
        if (command) await ApplyWhatIsDueAsync("apply the items a command made due");
    }

    private Task ApplyWhatIsDueAsync(string what) =>
        !_waking && Agenda.Next is { } next && next.DueAt <= Now ? TryAfterCommitAsync(what, WakeCoreAsync) : Task.CompletedTask;

    private static bool IsCommand(MethodInfo method) => Commands.GetOrAdd(method, m =>
        m.DeclaringType != typeof(IRemindable) && m.DeclaringType != typeof(IAgendaGrain) && !m.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: true));

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == IAgendaGrain.WakeReminder) return WakeCoreAsync();
        _logger.LogWarning("{Grain} ignores the reminder {Reminder}; committing grains keep one, {WakeReminder}.", AuditGrain, reminderName, IAgendaGrain.WakeReminder);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Called while an agenda item is due (at or before <paramref name="now"/>): the derived grain applies the due items
    /// and commits with an agenda without them. Runs as <see cref="CallerIdentity.Schedule"/>.
    /// </summary>
    protected virtual Task OnDueAsync(DateTimeOffset now) => Task.CompletedTask;

    private async Task WakeCoreAsync()
    {
        using (CallerContext.As(CallerIdentity.Schedule))
        using (RequestKeyContext.For(null)) // the schedule's changes answer no client request, even when applied during one
        {
            _waking = true;
            try
            {
                await ApplyDueAsync();
            }
            finally
            {
                _waking = false;
                await TryAfterCommitAsync("register the wake reminder for the next item", () => WakeUp.EnsureAsync(Agenda, Now));
            }
        }
    }

    private async Task ApplyDueAsync()
    {
        for (var round = 0; Agenda.Next is { } next && next.DueAt <= Now; round++)
        {
            if (round == MaxDueRounds)
            {
                _logger.LogWarning("{Grain} stopped waking after {Rounds} rounds with items still due; the heartbeat continues.", AuditGrain, round);
                return;
            }

            var before = Agenda;
            await OnDueAsync(Now);
            if (Agenda == before)
            {
                _logger.LogWarning("{Grain} made no progress on its due item {Item} due at {DueAt:O}; the heartbeat retries.", AuditGrain, next.Name, next.DueAt);
                return;
            }
        }
    }
}
