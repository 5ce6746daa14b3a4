using System.Globalization;
using Npgsql;
using OrleansTilsyn.Silo.Simulation;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Storage.Postgres;
using OrleansTilsyn.Silo.Storage.Sqlite;

namespace OrleansTilsyn.Benchmarks;

/// <summary>
/// <c>simulate --units 10000 --loops 1 --store sqlite|postgres|memory [--connection ...] --on-time 0.9 --late-records 0.1
/// --one-to-ones 0.9 --seed 1 [--parallelism 256] [--silos 1] [--keep]</c>. <c>--silos 2</c>: two silos in the process on the one store. SQLite without a connection uses a new temporary file;
/// PostgreSQL creates a fresh database on the given server (its role may CREATE DATABASE) unless --keep names one to use as is.
/// </summary>
public static class SimulateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = Parse(args);
        var options = new SimulationOptions
        {
            Units = Int(a, "units", 10_000), Loops = Int(a, "loops", 1), OnTime = Share(a, "on-time", 0.9), LateRecords = Share(a, "late-records", 0.1),
            OneToOnesHeld = Share(a, "one-to-ones", 0.9), Seed = Int(a, "seed", 1), Parallelism = Int(a, "parallelism", 256),
            Silos = Int(a, "silos", 1),
        };
        var storeName = a.GetValueOrDefault("store", "sqlite");
        var (store, cleanUp) = await OpenAsync(storeName, a.GetValueOrDefault("connection"), a.ContainsKey("keep"));
        try
        {
            var report = await Simulator.RunAsync(options, store, storeName, Console.Out);
            Console.WriteLine(report);
            if (store is SqliteGrainStore sqlite) Console.WriteLine(sqlite.WriterStatistics);
            return report.CommandProblems == 0 ? 0 : 1;
        }
        finally
        {
            await store.DisposeAsync();
            await cleanUp();
        }
    }

    private static async Task<(IGrainStore Store, Func<Task> CleanUp)> OpenAsync(string kind, string? connection, bool keep)
    {
        switch (kind)
        {
            case "memory":
                return (new InMemoryGrainStore(), () => Task.CompletedTask);
            case "sqlite":
                var file = connection is null ? Path.Combine(Path.GetTempPath(), $"tilsyn-sim-{Guid.NewGuid():N}.db") : null;
                return (new SqliteGrainStore(connection ?? $"Data Source={file}"), () =>
                {
                    if (file is not null) foreach (var f in Directory.GetFiles(Path.GetDirectoryName(file)!, Path.GetFileName(file) + "*")) File.Delete(f);
                    return Task.CompletedTask;
                });
            case "postgres":
                var server = connection ?? Environment.GetEnvironmentVariable("TILSYN_TEST_PG")
                    ?? throw new ArgumentException("--store postgres needs --connection (or env TILSYN_TEST_PG).");
                // A batch run on a shared machine: waiting for a pooled connection or a command may take long; fail only on real errors.
                server = new NpgsqlConnectionStringBuilder(server) { Timeout = 300, CommandTimeout = 300 }.ToString();
                if (keep) return (new PostgresGrainStore(server), () => Task.CompletedTask);
                var database = $"tilsyn_sim_{Guid.NewGuid():N}";
                await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
                var store = new PostgresGrainStore(new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString());
                return (store, async () =>
                {
                    NpgsqlConnection.ClearAllPools();
                    try
                    {
                        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
                    }
                    catch (PostgresException error)
                    {
                        // On a shared server another role's session may sit in the database (FORCE may not end it): the numbers stand.
                        Console.Error.WriteLine($"could not drop {database}: {error.MessageText}");
                    }
                });
            default:
                throw new ArgumentException($"Unknown store '{kind}': use sqlite, postgres or memory.");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            var name = args[i][2..];
            values[name] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }

        return values;
    }

    private static int Int(Dictionary<string, string> a, string name, int fallback) =>
        a.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static double Share(Dictionary<string, string> a, string name, double fallback) =>
        a.TryGetValue(name, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
