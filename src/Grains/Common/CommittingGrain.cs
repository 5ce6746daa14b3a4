using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Audit;
using OrleansTilsyn.Grains.Domain.Loop;

namespace OrleansTilsyn.Grains.Common;

/// <summary>
/// Base of the service's grains on Orleans. One commit point, the state write (<see cref="CommitAsync"/>): the new
/// state, its audit event and its agenda are written as one <see cref="Committed{TState}"/>. Everything else follows
/// from the written state and is retried from it until it succeeds: the audit event is appended to the audit log
/// (exactly once: stored as unconfirmed until the log confirms it), the wake reminder follows the agenda, and the
/// derived grain's outbox is delivered (<see cref="DeliverOutboxAsync"/>).
/// </summary>
/// <remarks>
/// A derived sealed grain declares <c>[PersistentState("state")] IPersistentState&lt;Committed&lt;TState&gt;&gt; state</c>
/// in its constructor and passes it on.
/// </remarks>
public abstract partial class CommittingGrain<TState> : Grain, IAgendaGrain, IRemindable, IIncomingGrainCallFilter where TState : class, new()
{
    /// <summary>
    /// The most audit events kept unconfirmed; beyond it a commit is refused (<see cref="AuditBacklogFullException"/>)
    /// rather than letting the state grow while the audit log is unreachable.
    /// </summary>
    public const int MaxUnconfirmedAudit = 1000;

    private readonly IPersistentState<Committed<TState>> _storage;
    private readonly CommittingGrainServices _services;
    private readonly ILogger _logger;
    private AgendaWakeUp? _wakeUp;

    protected CommittingGrain(IPersistentState<Committed<TState>> storage, CommittingGrainServices services)
    {
        _storage = storage ?? throw new ArgumentNullException(nameof(storage));
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _logger = services.LoggerFactory.CreateLogger(GetType());
    }

    protected TState State => Stored.Value;

    /// <summary>0 until the first commit; one more with each.</summary>
    protected long StateVersion => Stored.Version;

    protected bool StateExists => _storage.RecordExists;

    protected string Key => this.GetPrimaryKeyString();

    protected TimeProvider Time => _services.Time;

    protected DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>The committed agenda of due items.</summary>
    protected Agenda Agenda => Stored.Agenda;

    /// <summary>The caller of the current call (set by the gateway; the schedule while waking); null when none was set.</summary>
    protected CallerIdentity? Caller => CallerContext.Current;

    /// <summary>The grain as the audit names it: "&lt;grain type&gt;/&lt;key&gt;".</summary>
    private string AuditGrain => $"{this.GetGrainId().Type}/{Key}";

    private Committed<TState> Stored => _storage.State;

    private AgendaWakeUp WakeUp => _wakeUp ??= new AgendaWakeUp(this, _services.Agenda.Heartbeat, ServiceProvider.GetService<IReminderTable>());

    /// <summary>
    /// Delivers what the last activation may have left, then applies what fell due meanwhile. Sealed so no grain skips
    /// this; derived grains do their activation work in <see cref="OnStateLoadedAsync"/>.
    /// </summary>
    public sealed override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await OnStateLoadedAsync();
        await TryAfterCommitAsync("load the wake reminder", WakeUp.LoadAsync);
        await ConfirmAuditAsync();
        await TryAfterCommitAsync("deliver the outbox", DeliverOutboxAsync);
        await TryAfterCommitAsync("wake on activation", WakeCoreAsync);
    }

    /// <summary>
    /// Commits <paramref name="next"/> as the new state with its audit event, and <paramref name="agenda"/> (null:
    /// unchanged). Throws when nothing was written (the state stays as before, e.g. on
    /// <see cref="Orleans.Storage.InconsistentStateException"/>); once written, the command succeeds whatever follows.
    /// </summary>
    protected async Task CommitAsync(TState next, CommitNote note, Agenda? agenda = null)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(note);
        await MakeRoomForAuditAsync();

        var before = Stored;
        var version = before.Version + 1;
        var auditEvent = new AuditEvent(AuditGrain, version, Now, AuditActors.Of(Caller), note.Command, note.Outcome, note.Detail);
        var committed = before with
        {
            Value = next,
            Version = version,
            UnconfirmedAudit = before.UnconfirmedAudit.Add(auditEvent),
            Agenda = agenda ?? before.Agenda,
        };
        await WakeUp.BeforeWriteAsync(committed.Agenda, Now, _waking);

        _storage.State = committed;
        try
        {
            await _storage.WriteStateAsync();
        }
        catch
        {
            _storage.State = before;
            throw;
        }

        await ConfirmAuditAsync();
        await TryAfterCommitAsync("update the wake reminder", () => WakeUp.AfterWriteAsync(committed.Agenda));
        await TryAfterCommitAsync("deliver the outbox", DeliverOutboxAsync);
    }

    /// <summary>As <see cref="CommitAsync(TState, CommitNote, Agenda?)"/> with the agenda unchanged: <paramref name="command"/> names the change in the audit.</summary>
    protected Task CommitAsync(TState next, string command, string outcome = "ok", string? detail = null) =>
        CommitAsync(next, new CommitNote(command, outcome, detail));

    /// <summary>
    /// Runs <paramref name="command"/>; when its commit was stale (another writer won), reloads the state and runs it
    /// once more. A second stale commit becomes a Conflict problem (gRPC ABORTED) with nothing applied. The command
    /// commits at most once (it runs again whole on the reloaded state).
    /// </summary>
    protected async Task<T> RetryOnStaleAsync<T>(Func<Task<T>> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            return await command();
        }
        catch (Orleans.Storage.InconsistentStateException stale)
        {
            _logger.LogInformation(stale, "Stale write of {Grain}; reloading and running the command once more.", AuditGrain);
        }

        await ReloadAsync();
        try
        {
            return await command();
        }
        catch (Orleans.Storage.InconsistentStateException stale)
        {
            _logger.LogWarning(stale, "Stale write of {Grain} again after a reload; the caller gets a conflict.", AuditGrain);
            throw new ProblemException(Problem.Conflict("A concurrent change won; nothing was applied. Read again and retry."));
        }
    }

    /// <summary>Runs after the state is loaded on activation and after a reload; derived grains refresh caches here.</summary>
    protected virtual Task OnStateLoadedAsync() => Task.CompletedTask;

    /// <summary>
    /// Delivers the derived grain's outbox (documents, notifications) from the committed state; runs after every commit
    /// and on activation, so it must be idempotent. A failure is logged and retried at the next commit or activation.
    /// </summary>
    protected virtual Task DeliverOutboxAsync() => Task.CompletedTask;

    private async Task ReloadAsync()
    {
        await _storage.ReadStateAsync();
        await OnStateLoadedAsync();
    }

    /// <summary>Appends the unconfirmed events to the audit log; the confirmed ones leave the state (in the store, with the next write).</summary>
    private async Task<bool> ConfirmAuditAsync()
    {
        var pending = Stored.UnconfirmedAudit;
        if (pending.IsDefaultOrEmpty) return true;
        try
        {
            await AppendAsync(pending);
        }
        catch (Exception failure)
        {
            _logger.LogWarning(failure, "The audit log did not take {Count} events of {Grain}; they are kept and appended again later.", pending.Length, AuditGrain);
            return false;
        }

        _storage.State = Stored with { UnconfirmedAudit = Stored.UnconfirmedAudit.RemoveRange(pending) };
        return true;
    }

    private async Task AppendAsync(IReadOnlyList<AuditEvent> pending)
    {
        try
        {
            await _services.AuditLog.AppendAsync(pending, CancellationToken.None);
        }
        catch (AuditEventConflictException)
        {
            await AppendOneByOneAsync(pending);
        }
    }

    /// <summary>
    /// After a conflict in a batch: appends each event alone. An event that conflicts with a stored one can never be
    /// appended (the log keeps the stored one); it is logged as an error and dropped so it does not block the others.
    /// </summary>
    private async Task AppendOneByOneAsync(IReadOnlyList<AuditEvent> pending)
    {
        foreach (var auditEvent in pending)
        {
            try
            {
                await _services.AuditLog.AppendAsync(auditEvent, CancellationToken.None);
            }
            catch (AuditEventConflictException conflict)
            {
                _logger.LogError(conflict, "The audit log holds a different event for {Grain} version {Version}; this one is dropped.", auditEvent.Grain, auditEvent.Version);
            }
        }
    }

    private async Task MakeRoomForAuditAsync()
    {
        if (Stored.UnconfirmedAudit.Length < MaxUnconfirmedAudit || await ConfirmAuditAsync()) return;
        throw new AuditBacklogFullException(AuditGrain, Stored.UnconfirmedAudit.Length);
    }

    /// <summary>Work after the commit point: a failure is logged, never the command's failure; the next commit or activation retries.</summary>
    private async Task TryAfterCommitAsync(string what, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception failure)
        {
            _logger.LogWarning(failure, "{Grain} could not {What}; it is retried at the next commit or activation.", AuditGrain, what);
        }
    }
}
