namespace OrleansTilsyn.Contracts.Runtime;

/// <summary>What the runtime gives an activation. Implemented by the silo.</summary>
public interface IGrainContext
{
    GrainId Id { get; }
    IGrainFactory GrainFactory { get; }

    /// <summary>The domain clock (a manual clock in tests and the simulator).</summary>
    TimeProvider Time { get; }

    IServiceProvider Services { get; }

    /// <summary>The persistent state of this activation, loaded before the first call.</summary>
    IPersistentState<TState> GetState<TState>() where TState : class, new();

    /// <summary>Ask the runtime to deactivate this activation once the current turn ends.</summary>
    void DeactivateOnIdle();
}

/// <summary>Lets the runtime attach a context to a grain instance and drive its lifecycle.</summary>
public interface IGrainLifecycle
{
    void Attach(IGrainContext context);
    Task OnActivateAsync(CancellationToken cancellationToken);
    Task OnDeactivateAsync(CancellationToken cancellationToken);

    /// <summary>Called by the runtime after every turn (call or reminder), whether it succeeded or not.</summary>
    void OnTurnCompleted();
}

/// <summary>A grain's durable state: an immutable snapshot plus its version (the ETag).</summary>
public interface IPersistentState<TState> where TState : class
{
    /// <summary>The last committed state; a new instance when nothing was ever written.</summary>
    TState State { get; }

    /// <summary>0 when nothing was ever written; incremented by every commit.</summary>
    long Version { get; }

    bool RecordExists { get; }

    /// <summary>
    /// Commits <paramref name="next"/>, one audit event and the reminder changes in one transaction.
    /// Throws <see cref="StaleStateException"/> when the stored version moved; then nothing is applied
    /// and <see cref="State"/> is unchanged.
    /// </summary>
    Task WriteAsync(TState next, AuditNote note, IReadOnlyList<ReminderChange> reminderChanges, CancellationToken cancellationToken = default);
}

/// <summary>What a state change records in the audit trail besides who and when (taken from the call).</summary>
public sealed record AuditNote(string Command, string Outcome = "ok", string? Detail = null);

/// <summary>The stored version moved under a write. The runtime reloads the activation and retries the call once.</summary>
public sealed class StaleStateException(GrainId grain, long expectedVersion)
    : GrainRuntimeException($"Stale write to {grain}: expected version {expectedVersion}.")
{
    public GrainId Grain { get; } = grain;
    public long ExpectedVersion { get; } = expectedVersion;
}
