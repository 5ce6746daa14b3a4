namespace OrleansTilsyn.Grains.Audit;

/// <summary>The checks every log runs on a batch before it stores anything.</summary>
public static class AuditBatch
{
    /// <summary>
    /// The batch without repeats of the same event, in the order given. Throws for a null event, and
    /// <see cref="AuditEventConflictException"/> for one key given with two different events.
    /// </summary>
    public static IReadOnlyList<AuditEvent> Distinct(IReadOnlyList<AuditEvent> auditEvents)
    {
        ArgumentNullException.ThrowIfNull(auditEvents);
        if (auditEvents.Count == 1) return [auditEvents[0] ?? throw new ArgumentNullException(nameof(auditEvents), "The batch holds a null event.")];
        var byKey = new Dictionary<(string Grain, long Version), AuditEvent>(auditEvents.Count);
        var distinct = new List<AuditEvent>(auditEvents.Count);
        foreach (var auditEvent in auditEvents)
        {
            ArgumentNullException.ThrowIfNull(auditEvent, nameof(auditEvents));
            if (byKey.TryGetValue((auditEvent.Grain, auditEvent.Version), out var first))
            {
                if (first != auditEvent) throw new AuditEventConflictException(first, auditEvent);
                continue;
            }

            byKey.Add((auditEvent.Grain, auditEvent.Version), auditEvent);
            distinct.Add(auditEvent);
        }

        return distinct;
    }
}
