using Npgsql;

namespace OrleansTilsyn.Benchmarks;

/// <summary>
/// A fresh PostgreSQL database on the server named by env TILSYN_TEST_PG (whose role may CREATE DATABASE),
/// dropped on dispose. Null from <see cref="CreateIfConfiguredAsync"/> when the variable is not set.
/// </summary>
public sealed class ScratchPostgresDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "TILSYN_TEST_PG";

    private readonly string _server;
    private readonly string _name;

    private ScratchPostgresDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    public string ConnectionString { get; }

    public static async Task<ScratchPostgresDatabase?> CreateIfConfiguredAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is not { Length: > 0 } server) return null;
        var database = new ScratchPostgresDatabase(server, "tilsyn_bench_" + Guid.NewGuid().ToString("N"));
        await database.ExecuteOnServerAsync($"CREATE DATABASE \"{database._name}\"");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
