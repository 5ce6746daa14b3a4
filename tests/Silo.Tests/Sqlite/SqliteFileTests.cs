using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Silo.Sqlite;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests.Sqlite;

/// <summary>What the three providers rely on beyond their own suites: opening is once and retried after a failure,
/// a closed file stays closed, and two components share a file through version tables of their own.</summary>
public sealed class SqliteFileTests : IDisposable
{
    private static readonly SqliteSchema Notes = new("notes_schema",
        [new(1, "notes", "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL);")]);

    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task AFailedOpenIsTriedAgainByTheNextCall()
    {
        using (var connection = _database.OpenConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "CREATE TABLE notes_schema (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT '');"
                + "INSERT INTO notes_schema (version, name) VALUES (2, 'from a newer build')";
            command.ExecuteNonQuery();
        }

        await using var file = Open();
        await Assert.ThrowsAsync<SqliteSchemaTooNewException>(() => file.OpenAsync(CancellationToken.None));
        Assert.Throws<InvalidOperationException>(() => file.Read(CountNotes, CancellationToken.None));

        using (var connection = _database.OpenConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "DELETE FROM notes_schema";
            command.ExecuteNonQuery();
        }

        await file.OpenAsync(CancellationToken.None);
        await file.WriteAsync(session => session.Execute("INSERT INTO note (text) VALUES ('one')"), CancellationToken.None);
        Assert.Equal(1, file.Read(CountNotes, CancellationToken.None));
    }

    [Fact]
    public async Task OpeningTwiceKeepsOneWriter()
    {
        await using var file = Open();
        await Task.WhenAll(file.OpenAsync(CancellationToken.None), file.OpenAsync(CancellationToken.None));
        await file.OpenAsync(CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            file.WriteAsync(session => session.Statement("INSERT INTO note (text) VALUES ($text)").Bind("$text", $"note {i}").Execute(), CancellationToken.None)));

        Assert.Equal(20, file.Read(CountNotes, CancellationToken.None));
        Assert.Equal(20, file.WriterStatistics.Operations);
    }

    [Fact]
    public async Task ADisposedFileNeitherOpensNorServes()
    {
        var file = Open();
        await file.OpenAsync(CancellationToken.None);
        await file.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => file.OpenAsync(CancellationToken.None));
        Assert.Throws<ObjectDisposedException>(() => file.Read(CountNotes, CancellationToken.None));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => file.WriteAsync(CountNotes, CancellationToken.None));
        await file.DisposeAsync();
    }

    [Fact]
    public async Task TwoComponentsShareAFileThroughVersionTablesOfTheirOwn()
    {
        var tags = new SqliteSchema("tags_schema", [new(1, "tags", "CREATE TABLE tag (name TEXT PRIMARY KEY);")]);
        await using (var notes = Open())
        await using (var tagged = new SqliteFile(_database.FilePath, tags, logger: null, "the test starts it"))
        {
            await notes.OpenAsync(CancellationToken.None);
            await tagged.OpenAsync(CancellationToken.None);
        }

        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM notes_schema) + (SELECT COUNT(*) FROM tags_schema) + (SELECT COUNT(*) FROM note) + (SELECT COUNT(*) FROM tag)";
        Assert.Equal(2L, command.ExecuteScalar());
    }

    [Fact]
    public async Task ASqliteFailureWhileReadingIsAStorageFailure()
    {
        await using var file = Open();
        await file.OpenAsync(CancellationToken.None);

        var failure = Assert.Throws<StorageUnavailableException>(() => file.Read(session => session.Execute("SELECT * FROM missing_table"), CancellationToken.None));
        Assert.Contains("missing_table", failure.Message);
        Assert.Equal(0, file.Read(CountNotes, CancellationToken.None));
    }

    private SqliteFile Open() => new(_database.FilePath, Notes, logger: null, "the test starts it");

    private static long CountNotes(SqliteSession session) => session.Statement("SELECT COUNT(*) FROM note").ScalarInt64() ?? 0;
}
