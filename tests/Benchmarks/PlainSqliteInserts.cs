using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace OrleansTilsyn.Benchmarks;

/// <summary>
/// The baseline for durable commands: one INSERT of a row of similar size per transaction, one after
/// another on one connection, through Microsoft.Data.Sqlite with a prepared command, on a temp file
/// with the settings the SQLite store uses (WAL, synchronous=NORMAL, same cache and checkpoint sizes).
/// </summary>
public static class PlainSqliteInserts
{
    // The pragmas SqliteSession applies to the store's writer connection.
    private static readonly string[] _storePragmas =
    [
        "PRAGMA busy_timeout = 5000",
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = NORMAL",
        "PRAGMA temp_store = MEMORY",
        "PRAGMA cache_size = -32768",
        "PRAGMA wal_autocheckpoint = 8192",
    ];

    public static async Task<Samples> RunAsync(BenchmarkSettings settings, int payloadLength)
    {
        using var file = new TempSqliteFile("plain");
        await using var connection = new SqliteConnection(file.ConnectionString);
        connection.Open();
        foreach (var pragma in _storePragmas) Execute(connection, pragma);
        Execute(connection, "CREATE TABLE plain_event (id INTEGER PRIMARY KEY, grain_key TEXT NOT NULL, at INTEGER NOT NULL, payload TEXT NOT NULL)");

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO plain_event (grain_key, at, payload) VALUES ($key, $at, $payload)";
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        var payload = insert.Parameters.Add("$payload", SqliteType.Text);
        insert.Prepare();
        var text = new string('x', payloadLength);

        long inserted = 0;
        var samples = await Measurement.RepeatAsync("plain sqlite inserts", "inserts/s", settings, () => Task.Run(() =>
        {
            var stopwatch = Stopwatch.StartNew();
            long count = 0;
            while (stopwatch.Elapsed < settings.Duration)
            {
                using var transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                key.Value = "ledger-" + (count % 1000);
                at.Value = stopwatch.ElapsedTicks;
                payload.Value = text;
                insert.ExecuteNonQuery();
                transaction.Commit();
                count++;
            }

            inserted += count;
            return count / stopwatch.Elapsed.TotalSeconds;
        }));

        using var rows = connection.CreateCommand();
        rows.CommandText = "SELECT COUNT(*) FROM plain_event";
        Check.That(Convert.ToInt64(rows.ExecuteScalar()) == inserted, $"{inserted:N0} plain rows committed");
        return samples;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
