using Microsoft.Data.Sqlite;

namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>
/// One open SQLite connection with its statements prepared once and cached by SQL text.
/// Not thread-safe: one user at a time.
/// </summary>
internal sealed class SqliteSession : IDisposable
{
    private readonly Dictionary<string, SqliteStatement> _statements = new(StringComparer.Ordinal);

    private SqliteSession(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }

    public static SqliteSession Open(string connectionString, bool writer)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            var session = new SqliteSession(connection);
            session.Pragma("PRAGMA busy_timeout = 5000");
            if (writer)
            {
                session.Pragma("PRAGMA journal_mode = WAL");
                session.Pragma("PRAGMA synchronous = NORMAL");
                session.Pragma("PRAGMA temp_store = MEMORY");
                // The writer touches state, audit index and reminder pages all over the file; a miss is a read on the
                // single writer's thread. 128 MB holds most of 10,000 simulated units' working set (memory grows only as pages are read).
                session.Pragma("PRAGMA cache_size = -131072");
                // Fallback only: SqliteCheckpointer (every 5 s) normally checkpoints long before the WAL reaches ~512 MB.
                session.Pragma("PRAGMA wal_autocheckpoint = 131072");
            }

            return session;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The prepared statement for <paramref name="sql"/> (one statement, named $parameters).</summary>
    public SqliteStatement Statement(string sql)
    {
        if (_statements.TryGetValue(sql, out var statement)) return statement;
        statement = new SqliteStatement(Connection.Handle!, sql);
        _statements.Add(sql, statement);
        return statement;
    }

    public int Execute(string sql) => Statement(sql).Execute();

    public void Dispose()
    {
        foreach (var statement in _statements.Values) statement.Dispose();
        _statements.Clear();
        Connection.Dispose();
    }

    private void Pragma(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
