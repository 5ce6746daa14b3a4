using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace OrleansTilsyn.Benchmarks;

/// <summary>
/// The baseline for durable commands: one INSERT of a row of similar size per transaction, one after
/// another on one connection, through Microsoft.Data.Sqlite with a prepared command, on a temp file
/// with the settings the SQLite store uses (WAL, synchronous=NORMAL, same cache and checkpoint sizes).
/// </summary>
public sealed class PlainSqliteInserts : IDisposable
{
    // The pragmas SqliteSession applies to the store's writer connection.
    private static readonly string[] _storePragmas =
    [
        "PRAGMA busy_timeout = 5000",
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = NORMAL",
        "PRAGMA temp_store = MEMORY",
        "PRAGMA cache_size = -32768",
        "PRAGMA wal_autocheckpoint = 32768",
    ];

    private readonly TempSqliteFile _file = new("plain");
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly string _payload;
    private long _inserted;

    public PlainSqliteInserts(int payloadLength)
    {
        _payload = new string('x', payloadLength);
        _connection = new SqliteConnection(_file.ConnectionString);
        _connection.Open();
        foreach (var pragma in _storePragmas) Execute(pragma);
        Execute("CREATE TABLE plain_event (id INTEGER PRIMARY KEY, grain_key TEXT NOT NULL, at INTEGER NOT NULL, payload TEXT NOT NULL)");
        _insert = _connection.CreateCommand();
        _insert.CommandText = "INSERT INTO plain_event (grain_key, at, payload) VALUES ($key, $at, $payload)";
        _insert.Parameters.Add("$key", SqliteType.Text);
        _insert.Parameters.Add("$at", SqliteType.Integer);
        _insert.Parameters.Add("$payload", SqliteType.Text);
        _insert.Prepare();
    }

    /// <summary>Inserts for <paramref name="duration"/>, each in its own transaction; returns inserts per second.</summary>
    public Task<double> RunAsync(TimeSpan duration) => Task.Run(() =>
    {
        var stopwatch = Stopwatch.StartNew();
        long count = 0;
        while (stopwatch.Elapsed < duration)
        {
            using var transaction = _connection.BeginTransaction();
            _insert.Transaction = transaction;
            _insert.Parameters[0].Value = "ledger-" + (count % 1000);
            _insert.Parameters[1].Value = stopwatch.ElapsedTicks;
            _insert.Parameters[2].Value = _payload;
            _insert.ExecuteNonQuery();
            transaction.Commit();
            count++;
        }

        _inserted += count;
        return count / stopwatch.Elapsed.TotalSeconds;
    });

    /// <summary>Proves every counted insert was committed.</summary>
    public void CheckRows()
    {
        using var rows = _connection.CreateCommand();
        rows.CommandText = "SELECT COUNT(*) FROM plain_event";
        Check.That(Convert.ToInt64(rows.ExecuteScalar()) == _inserted, $"{_inserted:N0} plain rows committed");
    }

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
        _file.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
