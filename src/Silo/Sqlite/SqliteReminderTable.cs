using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using GrainId = Orleans.Runtime.GrainId;

namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>
/// Orleans' reminder table on one SQLite file, for the embedded (single-process) deployment. A row is keyed by grain
/// type, grain key and reminder name; it carries the grain's uniform hash for the ring-range reads, StartAt as UTC
/// ticks, the period in ticks, and an ETag from a counter that only grows. Upserts are unconditional (as in every
/// Orleans table); removes need the current ETag.
/// </summary>
public sealed class SqliteReminderTable : IReminderTable, IAsyncDisposable
{
    private const string Columns = "grain_type, grain_key, reminder_name, start_at, period, etag";
    private const string KeyFilter = "grain_type = $type AND grain_key = $key";

    internal const string RangeQuery = $"SELECT {Columns} FROM orleans_reminder WHERE grain_hash > $begin AND grain_hash <= $end";

    // Two index ranges rather than an OR, which SQLite answers with a full scan. They never overlap.
    internal const string WrappingRangeQuery = $"""
        SELECT {Columns} FROM orleans_reminder WHERE grain_hash > $begin
        UNION ALL SELECT {Columns} FROM orleans_reminder WHERE grain_hash <= $end
        """;

    private readonly SqliteFile _file;

    public SqliteReminderTable(IOptions<SqliteReminderTableOptions> options, ILogger<SqliteReminderTable> logger)
    {
        var path = options.Value.FilePath;
        if (string.IsNullOrWhiteSpace(path))
            throw new ArgumentException($"{nameof(SqliteReminderTableOptions.FilePath)} is required.", nameof(options));
        _file = new SqliteFile(path, SqliteReminderTableSchema.Schema, logger, "the reminder service starts it (IReminderTable.StartAsync)");
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _file.OpenAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) => Read(session => Data(
        session.Statement($"SELECT {Columns} FROM orleans_reminder WHERE {KeyFilter}")
            .Bind("$type", TypeOf(grainId)).Bind("$key", KeyOf(grainId))
            .Query(ToEntry)), cancellationToken);

    /// <summary>The rows whose grain hash lies in (begin, end] on the ring: when begin &lt; end the hashes between them,
    /// otherwise (the range wraps around zero) those above begin or up to end, so begin == end is the whole ring.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) => Read(session => Data(
        session.Statement(begin < end ? RangeQuery : WrappingRangeQuery)
            .Bind("$begin", (long)begin).Bind("$end", (long)end)
            .Query(ToEntry)), cancellationToken);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken) => Read(session =>
        session.Statement($"SELECT {Columns} FROM orleans_reminder WHERE {KeyFilter} AND reminder_name = $name")
            .Bind("$type", TypeOf(grainId)).Bind("$key", KeyOf(grainId)).Bind("$name", reminderName)
            .Query(ToEntry)
            .SingleOrDefault(), cancellationToken);

    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.ReminderName);
        var type = TypeOf(entry.GrainId);
        var key = KeyOf(entry.GrainId);
        var hash = (long)entry.GrainId.GetUniformHashCode();
        var startAt = UtcTicks(entry.StartAt);
        var etag = await _file.WriteAsync(session =>
        {
            var next = session.Statement("UPDATE orleans_reminder_etag SET last = last + 1 RETURNING last").ScalarInt64()
                ?? throw new InvalidOperationException("The reminder table's ETag counter row is missing.");
            session.Statement($"""
                    INSERT INTO orleans_reminder (grain_type, grain_key, reminder_name, grain_hash, start_at, period, etag)
                    VALUES ($type, $key, $name, $hash, $start, $period, $etag)
                    ON CONFLICT (grain_type, grain_key, reminder_name) DO UPDATE SET
                        grain_hash = excluded.grain_hash, start_at = excluded.start_at, period = excluded.period, etag = excluded.etag
                    """)
                .Bind("$type", type).Bind("$key", key).Bind("$name", entry.ReminderName).Bind("$hash", hash)
                .Bind("$start", startAt).Bind("$period", entry.Period.Ticks).Bind("$etag", next)
                .Execute();
            return next;
        }, cancellationToken);
        return FormatETag(etag);
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var expected)) return false;
        var type = TypeOf(grainId);
        var key = KeyOf(grainId);
        var removed = await _file.WriteAsync(session =>
            session.Statement($"DELETE FROM orleans_reminder WHERE {KeyFilter} AND reminder_name = $name AND etag = $etag")
                .Bind("$type", type).Bind("$key", key).Bind("$name", reminderName).Bind("$etag", expected)
                .Execute(), cancellationToken);
        return removed == 1;
    }

    public Task TestOnlyClearTable(CancellationToken cancellationToken) =>
        _file.WriteAsync(session => session.Execute("DELETE FROM orleans_reminder"), cancellationToken);

    public ValueTask DisposeAsync() => _file.DisposeAsync();

    /// <summary>A read on the caller's thread (SQLite reads are short and synchronous).</summary>
    private Task<T> Read<T>(Func<SqliteSession, T> read, CancellationToken cancellationToken) =>
        Task.FromResult(_file.Read(read, cancellationToken));

    private static ReminderTableData Data(List<ReminderEntry> entries) => new(entries);

    private static ReminderEntry ToEntry(SqliteStatement row) => new()
    {
        GrainId = GrainId.Create(row.GetString(0), row.GetString(1)),
        ReminderName = row.GetString(2),
        StartAt = new DateTime(row.GetInt64(3), DateTimeKind.Utc),
        Period = TimeSpan.FromTicks(row.GetInt64(4)),
        ETag = FormatETag(row.GetInt64(5)),
    };

    private static string TypeOf(GrainId grainId) => grainId.Type.ToString()!;

    private static string KeyOf(GrainId grainId) => grainId.Key.ToString();

    /// <summary>Orleans passes UTC instants; a local one is converted, an unspecified one taken as UTC.</summary>
    private static long UtcTicks(DateTime value) =>
        (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).Ticks;

    private static string FormatETag(long etag) => etag.ToString(CultureInfo.InvariantCulture);
}
