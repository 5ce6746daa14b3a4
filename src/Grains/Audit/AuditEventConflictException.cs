namespace OrleansTilsyn.Grains.Audit;

/// <summary>
/// A different event was appended under the (grain, version) of a stored one. Audit events are immutable, so the
/// stored event stays; this is a bug in whoever derived the second event (or two writers of one grain version).
/// </summary>
public sealed class AuditEventConflictException(AuditEvent stored, AuditEvent refused) : Exception(
    $"The audit log already holds a different event for {stored.Grain} version {stored.Version} " +
    $"(stored {stored.Command} -> {stored.Outcome} at {stored.At:O}; refused {refused.Command} -> {refused.Outcome} at {refused.At:O}); " +
    "audit events are immutable, the stored one is kept.")
{
    public AuditEvent Stored { get; } = stored;

    public AuditEvent Refused { get; } = refused;
}
