using OrleansTilsyn.Silo.Sqlite;

namespace OrleansTilsyn.Silo.Storage.Sqlite;

/// <summary>
/// Hands out reminder versions inside the writer's transaction: the counter row is read at the first
/// allocation of a transaction and written back once before its commit, not once per write. The
/// transaction holds SQLite's write lock, so another store on the same file never sees it in between.
/// </summary>
internal sealed class SqliteReminderVersions(SqliteSession session) : ISqliteTransactionObserver
{
    private const string Read = "SELECT value FROM store_counter WHERE name = 'reminder_version'";
    private const string Write = "UPDATE store_counter SET value = $value WHERE name = 'reminder_version'";

    private bool _loaded;
    private bool _changed;
    private long _last;

    /// <summary>A new transaction began: the counter may have moved since the last one.</summary>
    public void Begun()
    {
        _loaded = false;
        _changed = false;
    }

    /// <summary>Reserves <paramref name="count"/> consecutive versions and returns the first.</summary>
    public long Allocate(int count)
    {
        if (!_loaded)
        {
            _last = session.Statement(Read).ScalarInt64() ?? throw new InvalidOperationException("The reminder_version counter row is missing.");
            _loaded = true;
        }

        var first = _last + 1;
        _last += count;
        _changed = true;
        return first;
    }

    /// <summary>Writes the counter into the transaction (before COMMIT) when versions were handed out.</summary>
    public void Committing()
    {
        if (_changed) session.Statement(Write).Bind("$value", _last).Execute();
    }

    public void Committed() => _changed = false;

    public void RolledBack()
    {
        _loaded = false;
        _changed = false;
    }
}
