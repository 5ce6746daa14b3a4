using Npgsql;

namespace OrleansTilsyn.Gateway.Tests.Domain;

/// <summary>A fresh PostgreSQL database for one test, on the server in env TILSYN_TEST_PG (whose role may
/// CREATE DATABASE: <c>export TILSYN_TEST_PG=$(bash tests/setup-postgres.sh)</c>); dropped on dispose.</summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "TILSYN_TEST_PG";

    private readonly string _server;
    private readonly string _name = "tilsyn_gw_" + Guid.NewGuid().ToString("N");

    private PostgresDatabase(string server)
    {
        _server = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _name }.ToString();
    }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. This test needs a PostgreSQL server whose role may CREATE DATABASE: " +
                $"run `export {EnvironmentVariable}=$(bash tests/setup-postgres.sh)` and test again.");
        var database = new PostgresDatabase(server);
        await database.ExecuteAsync($"CREATE DATABASE \"{database._name}\"");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
