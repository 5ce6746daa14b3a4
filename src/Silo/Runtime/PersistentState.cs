using System.Diagnostics;
using System.Text.Json;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Telemetry;

namespace OrleansTilsyn.Silo.Runtime;

/// <summary>
/// An activation's state: an immutable snapshot swapped whole on a successful write, so read-only
/// calls running beside a turn always see one consistent (state, version) pair.
/// </summary>
internal sealed class PersistentState<TState>(GrainId grain, StateStorage storage) : IPersistentState<TState>, IStateHolder
    where TState : class, new()
{
    private Snapshot _current = new(new TState(), 0, false);
    private int _writing;

    public TState State => _current.State;
    public long Version => _current.Version;
    public bool RecordExists => _current.Exists;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        StoredState? stored;
        using (var span = SiloTelemetry.StartStorage("read", grain))
        {
            try
            {
                stored = await storage.Store.ReadStateAsync(grain, cancellationToken);
            }
            catch (Exception error)
            {
                span?.SetStatus(ActivityStatusCode.Error, error.Message);
                throw;
            }
        }

        _current = stored is null
            ? new Snapshot(new TState(), 0, false)
            : new Snapshot(JsonSerializer.Deserialize<TState>(stored.StateJson, storage.Json) ?? new TState(), stored.Version, true);
    }

    public async Task WriteAsync(TState next, AuditNote note, IReadOnlyList<ReminderChange> reminderChanges, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(note);
        if (Interlocked.Exchange(ref _writing, 1) == 1)
            throw new InvalidOperationException($"Concurrent writes to {grain}: state is written only from a turn, one write at a time.");
        try
        {
            var current = _current;
            var audit = new AuditEvent(grain, 0, storage.Clock.GetUtcNow(), CallContext.Actor.ToString(), note.Command, note.Outcome, note.Detail);
            // Reminder rows keep the span of the grain call that registered them, not the storage span.
            var write = new StateWrite(grain, current.Version, JsonSerializer.Serialize(next, storage.Json), audit, reminderChanges.ToArray(), TraceParent());
            var started = Stopwatch.GetTimestamp();
            long version;
            using (var span = SiloTelemetry.StartStorage("write", grain))
            {
                try
                {
                    version = await storage.Store.WriteStateAsync(write, cancellationToken);
                    span?.SetTag("tilsyn.state.version", version);
                    if (reminderChanges.Count > 0) span?.SetTag("tilsyn.reminder.changes", reminderChanges.Count);
                }
                catch (Exception error)
                {
                    span?.SetStatus(ActivityStatusCode.Error, error.Message);
                    throw;
                }
            }

            if (SiloTelemetry.StorageWriteDuration.Enabled)
                SiloTelemetry.StorageWriteDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("grain.type", grain.Type));
            _current = new Snapshot(next, version, true);
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
        }
    }

    private static string? TraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;

    private sealed record Snapshot(TState State, long Version, bool Exists);
}
