namespace OrleansTilsyn.Silo.Audit;

/// <summary>Where the SQLite audit log keeps its file (its own, not shared with grain state or reminders).</summary>
public sealed class SqliteAuditLogOptions
{
    /// <summary>The database file, e.g. <c>data/audit.db</c>; created owner-only (0600), its folder 0700 when missing.</summary>
    public string FilePath { get; set; } = "";
}
