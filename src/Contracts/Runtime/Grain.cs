namespace OrleansTilsyn.Contracts.Runtime;

/// <summary>Base class of every grain. The runtime attaches the context before activation.</summary>
public abstract class Grain : IGrainLifecycle
{
    private IGrainContext? _context;

    protected IGrainContext Context => _context ?? throw new InvalidOperationException("The grain is not attached to a runtime.");
    protected GrainId GrainId => Context.Id;
    protected string Key => Context.Id.Key;
    protected IGrainFactory GrainFactory => Context.GrainFactory;
    protected TimeProvider Time => Context.Time;
    protected DateTimeOffset Now => Context.Time.GetUtcNow();

    void IGrainLifecycle.Attach(IGrainContext context)
    {
        if (_context is not null) throw new InvalidOperationException("A grain instance is attached once.");
        _context = context;
        OnAttached();
    }

    /// <summary>Runs right after the context is attached, before the state is loaded.</summary>
    protected virtual void OnAttached() { }

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public virtual Task OnDeactivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected void DeactivateOnIdle() => Context.DeactivateOnIdle();

    void IGrainLifecycle.OnTurnCompleted() => OnTurnCompleted();

    /// <summary>Runs after every turn; the stateful base drops reminder changes that were never committed.</summary>
    protected virtual void OnTurnCompleted() { }
}

/// <summary>
/// A grain with durable state held as an immutable record. Change it only through
/// <see cref="CommitAsync"/>, which writes the state, one audit event and the reminder changes
/// staged in this turn atomically.
/// </summary>
public abstract class Grain<TState> : Grain where TState : class, new()
{
    private IPersistentState<TState>? _storage;
    private readonly List<ReminderChange> _staged = [];

    protected TState State => Storage.State;
    protected long StateVersion => Storage.Version;
    protected bool StateExists => Storage.RecordExists;

    private IPersistentState<TState> Storage => _storage ??= Context.GetState<TState>();

    /// <summary>Stages a one-shot reminder (replaces any reminder of the same name) for the next commit.</summary>
    protected void ScheduleReminder(string name, DateTimeOffset dueAt) => _staged.Add(new ReminderChange.Schedule(name, dueAt));

    /// <summary>Stages the removal of a reminder for the next commit.</summary>
    protected void CancelReminder(string name) => _staged.Add(new ReminderChange.Cancel(name));

    /// <summary>Commits the new state with its audit note and the staged reminder changes.</summary>
    protected async Task CommitAsync(TState next, string command, string outcome = "ok", string? detail = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        var changes = _staged.ToArray();
        _staged.Clear();
        await Storage.WriteAsync(next, new AuditNote(command, outcome, detail), changes, cancellationToken);
    }

    protected override void OnTurnCompleted() => _staged.Clear();
}
