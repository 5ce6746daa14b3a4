using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Silo.Storage;

/// <summary>
/// The reference store: every operation under one lock, so it is trivially atomic. Shared by all
/// silos of an in-process test cluster. Nothing survives the process.
/// </summary>
public sealed class InMemoryGrainStore : IGrainStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<GrainId, StoredState> _states = [];
    private readonly List<AuditEvent> _audit = [];
    private readonly Dictionary<(GrainId Grain, string Name), ReminderRow> _reminders = [];
    private long _reminderVersion;

    /// <summary>When set, the next write throws this before changing anything (tests of atomicity).</summary>
    public Func<StateWrite, Exception?>? FailNextWrite { get; set; }

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<StoredState?> ReadStateAsync(GrainId grain, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_states.GetValueOrDefault(grain));
    }

    public Task<long> ReadVersionAsync(GrainId grain, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_states.TryGetValue(grain, out var s) ? s.Version : 0L);
    }

    public Task<long> WriteStateAsync(StateWrite write, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var current = _states.TryGetValue(write.Grain, out var s) ? s.Version : 0L;
            if (current != write.ExpectedVersion) throw new StaleStateException(write.Grain, write.ExpectedVersion);
            if (FailNextWrite?.Invoke(write) is { } failure)
            {
                FailNextWrite = null;
                throw failure;
            }

            var version = current + 1;
            _states[write.Grain] = new StoredState(write.StateJson, version);
            _audit.Add(write.Audit with { Version = version, Sequence = _audit.Count + 1 });
            foreach (var change in write.Reminders)
            {
                var key = (write.Grain, change.Name);
                switch (change)
                {
                    case ReminderChange.Schedule schedule:
                        _reminders[key] = new ReminderRow(write.Grain, schedule.Name, schedule.DueAt, ++_reminderVersion, null, null, 0, write.TraceParent);
                        break;
                    case ReminderChange.Cancel:
                        _reminders.Remove(key);
                        break;
                }
            }

            return Task.FromResult(version);
        }
    }

    public Task<IReadOnlyList<ReminderRow>> ClaimDueRemindersAsync(DateTimeOffset dueBy, DateTimeOffset leaseNow, TimeSpan lease, string owner, int max, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var claimed = _reminders.Values
                .Where(r => r.DueAt <= dueBy && (r.LeaseUntil is null || r.LeaseUntil < leaseNow))
                .OrderBy(r => r.DueAt).ThenBy(r => r.Version)
                .Take(max)
                .Select(r => r with { LeaseOwner = owner, LeaseUntil = leaseNow + lease })
                .ToList();
            foreach (var row in claimed) _reminders[(row.Grain, row.Name)] = row;
            return Task.FromResult<IReadOnlyList<ReminderRow>>(claimed);
        }
    }

    public Task CompleteRemindersAsync(IReadOnlyList<ReminderRow> delivered, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var row in delivered)
            {
                if (_reminders.TryGetValue((row.Grain, row.Name), out var current) && current.Version == row.Version)
                    _reminders.Remove((row.Grain, row.Name));
            }
        }

        return Task.CompletedTask;
    }

    public Task ReleaseRemindersAsync(IReadOnlyList<ReminderRow> failed, DateTimeOffset retryAfter, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var row in failed)
            {
                var key = (row.Grain, row.Name);
                if (_reminders.TryGetValue(key, out var current) && current.Version == row.Version)
                    _reminders[key] = current with { LeaseOwner = null, LeaseUntil = retryAfter, Attempts = current.Attempts + 1 };
            }
        }

        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> NextReminderDueAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult(_reminders.Count == 0 ? (DateTimeOffset?)null : _reminders.Values.Min(r => r.DueAt));
    }

    public Task<IReadOnlyList<ReminderRow>> ListRemindersAsync(GrainId grain, CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<ReminderRow>>(_reminders.Values.Where(r => r.Grain == grain).OrderBy(r => r.DueAt).ToList());
    }

    public Task<IReadOnlyList<AuditEvent>> ReadAuditAsync(GrainId grain, CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<AuditEvent>>(_audit.Where(a => a.Grain == grain).ToList());
    }

    public Task<StoreCounts> CountAsync(CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(new StoreCounts(_states.Count, _audit.Count, _reminders.Count));
    }

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
