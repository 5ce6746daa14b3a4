using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>
/// A statement prepared once on a connection's native handle and re-bound for every execution.
/// The hot paths run several statements per write; going straight to SQLite instead of through
/// SqliteCommand cuts the per-statement cost about fourfold. Errors surface as <see cref="SqliteException"/>.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly Dictionary<string, int> _parameters = new(StringComparer.Ordinal);

    public SqliteStatement(sqlite3 database, string sql)
    {
        _database = database;
        Check(raw.sqlite3_prepare_v2(database, sql, out _statement));
        var count = raw.sqlite3_bind_parameter_count(_statement);
        for (var index = 1; index <= count; index++)
            _parameters[raw.sqlite3_bind_parameter_name(_statement, index).utf8_to_string()] = index;
    }

    public SqliteStatement Bind(string name, string? value)
    {
        var index = _parameters[name];
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));
        return this;
    }

    /// <summary>Binds text that is already UTF-8 (SQLite copies it).</summary>
    public SqliteStatement BindUtf8(string name, ReadOnlySpan<byte> utf8)
    {
        Check(raw.sqlite3_bind_text(_statement, _parameters[name], utf8));
        return this;
    }

    /// <summary>Binds bytes as a BLOB (SQLite copies them); no bytes bind an empty BLOB, not NULL.</summary>
    public SqliteStatement BindBlob(string name, ReadOnlySpan<byte> value)
    {
        var index = _parameters[name];
        Check(value.IsEmpty ? raw.sqlite3_bind_zeroblob(_statement, index, 0) : raw.sqlite3_bind_blob(_statement, index, value));
        return this;
    }

    public SqliteStatement Bind(string name, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, _parameters[name], value));
        return this;
    }

    public SqliteStatement Bind(string name, long? value)
    {
        if (value is { } number) return Bind(name, number);
        Check(raw.sqlite3_bind_null(_statement, _parameters[name]));
        return this;
    }

    /// <summary>Runs the statement to completion and returns the number of rows it changed.</summary>
    public int Execute()
    {
        try
        {
            while (Step()) { }
            return raw.sqlite3_changes(_database);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Runs an INSERT to completion and returns the rowid of the row it inserted.</summary>
    public long Insert()
    {
        Execute();
        return raw.sqlite3_last_insert_rowid(_database);
    }

    /// <summary>Runs the statement and maps every result row.</summary>
    public List<T> Query<T>(Func<SqliteStatement, T> map)
    {
        var rows = new List<T>();
        try
        {
            while (Step()) rows.Add(map(this));
            return rows;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>The first column of the first row, or null when there is no row or it is NULL.</summary>
    public long? ScalarInt64()
    {
        try
        {
            return Step() && !IsNull(0) ? GetInt64(0) : null;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public long GetInt64(int column) => raw.sqlite3_column_int64(_statement, column);

    public int GetInt32(int column) => raw.sqlite3_column_int(_statement, column);

    public string GetString(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    /// <summary>A BLOB column's bytes, copied (an empty BLOB reads as empty, NULL as null).</summary>
    public byte[]? GetNullableBlob(int column) => IsNull(column) ? null : raw.sqlite3_column_blob(_statement, column).ToArray();

    public string? GetNullableString(int column) => IsNull(column) ? null : GetString(column);

    public void Dispose() => _statement.Dispose();

    private bool Step()
    {
        var result = raw.sqlite3_step(_statement);
        if (result == raw.SQLITE_ROW) return true;
        if (result == raw.SQLITE_DONE) return false;
        SqliteException.ThrowExceptionForRC(result, _database);
        return false;
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(result, _database);
    }
}
