using Microsoft.Data.Sqlite;

namespace OrleansTilsyn.Benchmarks;

/// <summary>A SQLite database file in a fresh temp directory, deleted with its WAL files on dispose.</summary>
public sealed class TempSqliteFile : IDisposable
{
    private readonly string _directory;

    public TempSqliteFile(string name)
    {
        _directory = Path.Combine(Path.GetTempPath(), $"tilsyn-bench-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        FilePath = Path.Combine(_directory, name + ".db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();
    }

    public string FilePath { get; }
    public string ConnectionString { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Still open somewhere; the OS cleans its temp directory later.
        }
    }
}
