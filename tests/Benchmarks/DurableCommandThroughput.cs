using System.Text.Json;
using Npgsql;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Hosting;
using OrleansTilsyn.Silo.Runtime;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Storage.Postgres;
using OrleansTilsyn.Silo.Storage.Sqlite;

namespace OrleansTilsyn.Benchmarks;

/// <summary>
/// Durable commands per second through the runtime: 64 concurrent callers, each calling a random one of
/// 1,000 live <see cref="LedgerGrain"/>s whose method commits state + audit event (and, in the second
/// variant, reschedules a reminder) with CommitAsync. On SQLite (target 10,000/s) beside a plain SQLite
/// insert loop, on the in-memory store (the runtime's own cost), and on PostgreSQL when TILSYN_TEST_PG is set.
/// </summary>
public static class DurableCommandThroughput
{
    public const int Grains = 1_000;
    public const int Callers = 64;

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkSettings settings)
    {
        Console.WriteLine($"== durable-commands: {Callers} callers over {Grains:N0} grains, state + audit per command, {Environment.ProcessorCount} cores");
        var results = new List<BenchmarkResult>();

        // The plain loop runs right after each durable SQLite repetition, so each ratio compares runs under the same load.
        var payload = PayloadLength();
        Console.WriteLine($"   (after each sqlite repetition: the plain SQLite baseline, one {payload}-character row per transaction, sequential)");
        var plainRates = new List<double>();
        var ratios = new List<double>();
        using (var plain = new PlainSqliteInserts(payload))
        using (var file = new TempSqliteFile("durable"))
        {
            var (commands, withReminder) = await MeasureAsync("sqlite", new SqliteGrainStore(file.ConnectionString), settings, async durable =>
            {
                var rate = await plain.RunAsync(settings.Duration);
                plainRates.Add(rate);
                ratios.Add(durable / rate);
                Console.WriteLine($"    plain sqlite inserts: {Measurement.Format(rate)} inserts/s, durable/plain {durable / rate:N2}");
            });
            plain.CheckRows();
            results.Add(new("durable-commands: sqlite", "commands/s", commands, Target.Minimum(10_000)));
            results.Add(new("durable-commands: sqlite + reminder", "commands/s", withReminder, Target.Minimum(10_000)));
        }

        results.Add(new("plain sqlite insert loop", "inserts/s", new Samples(plainRates[settings.Warmups..])));
        results.Add(new("durable/plain ratio (sqlite)", "x", new Samples(ratios[settings.Warmups..])));

        var (memory, memoryWithReminder) = await MeasureAsync("in-memory", new InMemoryGrainStore(), settings);
        results.Add(new("durable-commands: in-memory", "commands/s", memory));
        results.Add(new("durable-commands: in-memory + reminder", "commands/s", memoryWithReminder));

        results.AddRange(await MeasurePostgresAsync(settings));
        return results;
    }

    private static async Task<IReadOnlyList<BenchmarkResult>> MeasurePostgresAsync(BenchmarkSettings settings)
    {
        try
        {
            await using var postgres = await ScratchPostgresDatabase.CreateIfConfiguredAsync();
            if (postgres is null)
            {
                Console.WriteLine($"-- postgresql: skipped ({ScratchPostgresDatabase.EnvironmentVariable} is not set)");
                return [];
            }

            var (commands, withReminder) = await MeasureAsync("postgresql", new PostgresGrainStore(postgres.ConnectionString), settings);
            return
            [
                new("durable-commands: postgresql", "commands/s", commands),
                new("durable-commands: postgresql + reminder", "commands/s", withReminder),
            ];
        }
        catch (Exception error) when (error is NpgsqlException or StorageUnavailableException)
        {
            // The other scenarios still run; the summary simply has no PostgreSQL rows.
            Console.WriteLine($"-- postgresql: FAILED, no numbers: {error.Message}");
            return [];
        }
    }

    /// <param name="afterEachCommandRun">Runs after each repetition of plain commands, given its rate (the paired baseline).</param>
    private static async Task<(Samples Commands, Samples WithReminder)> MeasureAsync(
        string storeName, IGrainStore engine, BenchmarkSettings settings, Func<double, Task>? afterEachCommandRun = null)
    {
        Console.WriteLine($"-- {storeName}");
        await using var load = await OldLedgerLoad.StartAsync(storeName, engine, settings.Profile);
        var commands = await Measurement.RepeatAsync($"durable commands ({storeName})", "commands/s", settings, async () =>
        {
            var rate = await load.RunAsync(settings.Duration);
            if (afterEachCommandRun is not null) await afterEachCommandRun(rate);
            return rate;
        });
        var withReminder = await Measurement.RepeatAsync($"durable commands + reminder ({storeName})", "commands/s", settings,
            () => load.RunWithReminderAsync(settings.Duration));

        await load.VerifyAsync();
        Check.That(await load.RemindersAsync() > 0, "the reminder variant scheduled follow-up reminders");
        return (commands, withReminder);
    }

    /// <summary>Characters one durable command stores: its state JSON and its audit event's text.</summary>
    private static int PayloadLength()
    {
        var state = new LedgerState { Balance = 1234, Postings = 99, LastAmount = 1, LastPostedAt = DateTimeOffset.UnixEpoch };
        var json = JsonSerializer.Serialize(state, StateJson.CreateOptions());
        return json.Length + "system:system".Length + "post".Length + "ok".Length + "amount 1".Length;
    }
}
