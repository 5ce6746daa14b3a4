using Npgsql;

namespace OrleansTilsyn.Grains.Tests.ReportGrains;

/// <summary>
/// PostgreSQL for the report grain tests: an empty schema of its own per test in the database that env
/// TILSYN_TEST_PG names (<c>export TILSYN_TEST_PG=$(bash tests/setup-postgres.sh)</c>). Tests fail when it is missing.
/// </summary>
internal static class TestPostgres
{
    public const string EnvironmentVariable = "TILSYN_TEST_PG";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. The report grain tests on PostgreSQL need a server: " +
                $"run `export {EnvironmentVariable}=$(bash tests/setup-postgres.sh)` and test again.");

    /// <summary>Creates an empty schema; the connection string returned uses it as its search path.</summary>
    public static string NewSchema()
    {
        var server = ServerConnectionString;
        var schema = "reports_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE SCHEMA \"{schema}\"", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
    }
}
