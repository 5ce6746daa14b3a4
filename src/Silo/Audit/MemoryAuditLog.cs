using OrleansTilsyn.Grains.Audit;

namespace OrleansTilsyn.Silo.Audit;

/// <summary>The reference audit log: every grain's events in a sorted list, under one lock. Tests and in-process clusters; nothing survives.</summary>
public sealed class MemoryAuditLog : IAuditLog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SortedList<long, AuditEvent>> _grains = new(StringComparer.Ordinal);

    public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken) => AppendAsync([auditEvent], cancellationToken);

    public Task AppendAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken)
    {
        var distinct = AuditBatch.Distinct(auditEvents);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            foreach (var auditEvent in distinct)
            {
                if (Events(auditEvent.Grain)?.TryGetValue(auditEvent.Version, out var stored) == true && stored != auditEvent)
                    throw new AuditEventConflictException(stored, auditEvent);
            }

            foreach (var auditEvent in distinct)
            {
                if (!_grains.TryGetValue(auditEvent.Grain, out var events)) _grains.Add(auditEvent.Grain, events = []);
                events.TryAdd(auditEvent.Version, auditEvent);
            }
        }

        return Task.CompletedTask;
    }

    public Task<AuditPage> ReadAsync(string grain, long afterVersion, int max, CancellationToken cancellationToken)
    {
        AuditRules.Grain(grain);
        AuditRules.AfterVersion(afterVersion);
        AuditRules.PageSize(max);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (Events(grain) is not { } events) return Task.FromResult(AuditPage.Empty);
            var readAhead = new List<AuditEvent>(Math.Min(max + 1, events.Count));
            for (var i = FirstAfter(events.Keys, afterVersion); i < events.Count && readAhead.Count <= max; i++)
                readAhead.Add(events.Values[i]);
            return Task.FromResult(AuditPage.FromReadAhead(readAhead, max));
        }
    }

    public Task<long> CountAsync(string grain, CancellationToken cancellationToken)
    {
        AuditRules.Grain(grain);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock) return Task.FromResult((long)(Events(grain)?.Count ?? 0));
    }

    private SortedList<long, AuditEvent>? Events(string grain) => _grains.GetValueOrDefault(grain);

    /// <summary>The index of the first version greater than <paramref name="afterVersion"/> (binary search).</summary>
    private static int FirstAfter(IList<long> versions, long afterVersion)
    {
        int low = 0, high = versions.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (versions[middle] <= afterVersion) low = middle + 1;
            else high = middle;
        }

        return low;
    }
}
