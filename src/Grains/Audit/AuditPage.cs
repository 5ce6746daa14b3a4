namespace OrleansTilsyn.Grains.Audit;

/// <summary>
/// Events of one grain, oldest first. <see cref="NextAfterVersion"/> is what to pass as <c>afterVersion</c> for the
/// next page, or null when this page ends the log.
/// </summary>
public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, long? NextAfterVersion)
{
    public static AuditPage Empty { get; } = new([], null);

    /// <summary>The page of <paramref name="max"/> from up to max + 1 events read oldest first (one more tells whether more follow).</summary>
    public static AuditPage FromReadAhead(IReadOnlyList<AuditEvent> readAhead, int max) =>
        readAhead.Count > max ? new AuditPage(readAhead.Take(max).ToArray(), readAhead[max - 1].Version) : new AuditPage(readAhead, null);
}
