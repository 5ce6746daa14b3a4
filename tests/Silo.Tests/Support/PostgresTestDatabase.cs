using Npgsql;

namespace OrleansTilsyn.Silo.Tests.Support;

/// <summary>
/// A uniquely named PostgreSQL database for one test class (use as an xunit class fixture, or
/// <see cref="CreateAsync"/> directly), dropped on dispose. <see cref="CreateSchemaAsync"/> gives each
/// test an empty schema of its own inside it. The server comes from env TILSYN_TEST_PG
/// (<c>export TILSYN_TEST_PG=$(bash tests/setup-postgres.sh)</c>); tests fail when it is missing.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncLifetime, IAsyncDisposable
{
    public const string EnvironmentVariable = "TILSYN_TEST_PG";

    private string? _connectionString;

    public string DatabaseName { get; } = "tilsyn_t_" + Guid.NewGuid().ToString("N");

    /// <summary>Connection string of the created database.</summary>
    public string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException("The test database is not created yet: call InitializeAsync.");

    /// <summary>The connection string given in TILSYN_TEST_PG; throws with instructions when it is not set.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. PostgreSQL tests need a server whose role may CREATE DATABASE: " +
                $"run `export {EnvironmentVariable}=$(bash tests/setup-postgres.sh)` and test again.");

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var database = new PostgresTestDatabase();
        await database.InitializeAsync();
        return database;
    }

    public async Task InitializeAsync()
    {
        var server = ServerConnectionString;
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = DatabaseName }.ToString();
    }

    /// <summary>Creates an empty schema and returns a connection string whose search path is that schema.</summary>
    public async Task<string> CreateSchemaAsync()
    {
        var schema = "s_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA \"{schema}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ToString();
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_connectionString is null) return;
        _connectionString = null;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        // FORCE ends connections a test left open (PostgreSQL 13+).
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
