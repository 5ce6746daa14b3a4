using Microsoft.Data.Sqlite;

namespace OrleansTilsyn.Benchmarks.Scenarios;

/// <summary>A data folder for the embedded stores in a fresh temp directory (the folder itself not yet created), deleted on dispose.</summary>
public sealed class TempDataFolder(string name) : IDisposable
{
    private readonly string _parent = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tilsyn-bench-{name}-{Guid.NewGuid():N}");

    public string Path => System.IO.Path.Combine(_parent, "data");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_parent, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // Still open somewhere; the OS cleans its temp directory later.
        }
    }
}
