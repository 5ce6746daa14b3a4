using Microsoft.Extensions.Logging;
using OrleansTilsyn.Grains.Audit;
using AuditEvent = OrleansTilsyn.Grains.Audit.AuditEvent;
using OrleansTilsyn.Silo.Sqlite;

namespace OrleansTilsyn.Silo.Audit;

/// <summary>
/// The embedded audit log: a SQLite file of its own (<see cref="SqliteFile"/>: WAL, one writer with group commit, so
/// concurrent appends share a transaction and complete after its COMMIT, and pooled readers that never wait for it).
/// The file holds who did what, so it is created owner-only and files found open to others are named in a warning.
/// Initialized at start by the registration, or on first use.
/// </summary>
public sealed class SqliteAuditLog : IAuditLog, IAsyncDisposable
{
    private readonly SqliteFile _file;
    private readonly AuditLogInitialization _initialization;

    public SqliteAuditLog(SqliteAuditLogOptions options, ILogger<SqliteAuditLog>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.FilePath, nameof(options.FilePath));
        _file = new SqliteFile(options.FilePath, SqliteAuditLogSchema.Schema, logger, "InitializeAsync starts it");
        _initialization = new AuditLogInitialization(() => _file.OpenAsync(CancellationToken.None));
    }

    /// <summary>Creates the file and applies the schema; callers need not wait for it (every operation does).</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _initialization.EnsureAsync(cancellationToken);

    public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken) => AppendAsync([auditEvent], cancellationToken);

    public async Task AppendAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken)
    {
        var distinct = AuditBatch.Distinct(auditEvents);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await _file.WriteAsync(session => SqliteAuditLogStatements.Append(session, distinct), cancellationToken).ConfigureAwait(false);
    }

    public async Task<AuditPage> ReadAsync(string grain, long afterVersion, int max, CancellationToken cancellationToken)
    {
        AuditRules.Grain(grain);
        AuditRules.AfterVersion(afterVersion);
        AuditRules.PageSize(max);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var readAhead = _file.Read(session => session.Statement(SqliteAuditLogStatements.SelectPage)
            .Bind("$grain", grain).Bind("$after", afterVersion).Bind("$limit", max + 1L)
            .Query(SqliteAuditLogStatements.Read), cancellationToken);
        return AuditPage.FromReadAhead(readAhead, max);
    }

    public async Task<long> CountAsync(string grain, CancellationToken cancellationToken)
    {
        AuditRules.Grain(grain);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return _file.Read(session => session.Statement(SqliteAuditLogStatements.Count).Bind("$grain", grain).ScalarInt64() ?? 0, cancellationToken);
    }

    /// <summary>Waits for a start under way, lets queued appends finish and closes the file.</summary>
    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
