using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OrleansTilsyn.Silo.Hosting;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Storage.Sqlite;
using OrleansTilsyn.Silo.Testing;

namespace OrleansTilsyn.Benchmarks;

/// <summary>
/// Reminders delivered per second on SQLite when a manual clock jumps over 100,000 due reminders
/// (target: 20,000/s). Each run starts on a fresh database: 10,000 grains schedule 10 reminders each
/// through their own commits, spread over 1,000 distinct due times; then one timed
/// ManualTimeDriver.AdvanceToAsync goes past all of them. Variants: the handler only counts (in memory),
/// or it also commits a state change. Every run proves each reminder arrived exactly once at its due
/// time and that no reminder is left in the store.
/// </summary>
public static class ReminderDelivery
{
    public const int Grains = 10_000;
    public const int RemindersPerGrain = 10;
    public const int DistinctDueTimes = 1_000;
    public const int SchedulingCallers = 64;

    private static readonly DateTimeOffset _start = new(2030, 1, 7, 8, 0, 0, TimeSpan.Zero);

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkSettings settings)
    {
        const int total = Grains * RemindersPerGrain;
        Console.WriteLine($"== reminders: {total:N0} reminders ({Grains:N0} grains x {RemindersPerGrain}) over {DistinctDueTimes:N0} due times on SQLite, one clock jump, {Environment.ProcessorCount} cores");
        var results = new List<BenchmarkResult>();
        var scheduling = new List<double>();
        foreach (var commit in new[] { false, true })
        {
            var variant = commit ? "handler commits state" : "handler counts";
            var rates = new List<double>();
            var delivered = await Measurement.RepeatAsync($"reminders delivered ({variant})", "reminders/s", settings, async () =>
            {
                var run = await RunOnceAsync(commit, settings.Profile);
                rates.Add(run.ScheduledPerSecond);
                return run.DeliveredPerSecond;
            });
            scheduling.AddRange(rates.Skip(settings.Warmups));
            results.Add(new($"reminders: sqlite, {variant}", "reminders/s", delivered, Target.Minimum(20_000)));
        }

        results.Add(new("reminders: scheduled through grains (sqlite)", "reminders/s", new Samples(scheduling)));
        return results;
    }

    private static async Task<(double ScheduledPerSecond, double DeliveredPerSecond)> RunOnceAsync(bool commitOnDelivery, bool profile)
    {
        using var file = new TempSqliteFile("reminders");
        var ledger = new DeliveryLedger(Grains, RemindersPerGrain, commitOnDelivery);
        var clock = new ManualClock(_start);
        var options = new SiloOptions
        {
            SiloName = "bench",
            PollReminders = false,
            ConfigureServices = services => services.AddSingleton(ledger),
        };
        options.GrainAssemblies.Add(typeof(ReminderTargetGrain).Assembly);
        var sqlite = new SqliteGrainStore(file.ConnectionString);
        var timed = profile ? new TimedGrainStore(sqlite) : null;
        await using IGrainStore store = timed ?? (IGrainStore)sqlite;
        await using var silo = await TilsynSilo.StartAsync(options, store, clock);
        var driver = new ManualTimeDriver(clock, store, () => [silo.Reminders]);

        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Grains), new ParallelOptions { MaxDegreeOfParallelism = SchedulingCallers }, async (grain, _) =>
        {
            var dueTimes = new DateTimeOffset[RemindersPerGrain];
            for (var reminder = 0; reminder < RemindersPerGrain; reminder++)
            {
                // Consecutive slots go to different grains: each due time has 100 reminders of 100 grains.
                var slot = (grain * RemindersPerGrain + reminder) % DistinctDueTimes;
                dueTimes[reminder] = _start + TimeSpan.FromMinutes(slot + 1);
                ledger.Expect(grain, reminder, dueTimes[reminder]);
            }

            await silo.GrainFactory.GetGrain<IReminderTargetGrain>(DeliveryLedger.GrainKey(grain)).ScheduleAsync(dueTimes);
        });
        var scheduled = Grains * RemindersPerGrain / stopwatch.Elapsed.TotalSeconds;
        var before = await store.CountAsync(CancellationToken.None);
        Check.That(before.Reminders == Grains * RemindersPerGrain && silo.ActivationCount == Grains,
            $"{before.Reminders:N0} reminders stored by {silo.ActivationCount:N0} grains in {stopwatch.Elapsed.TotalSeconds:N2} s");

        timed?.PrintAndReset("scheduling");
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        stopwatch.Restart();
        await driver.AdvanceToAsync(_start + TimeSpan.FromMinutes(DistinctDueTimes + 1));
        stopwatch.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: false) - allocated;
        timed?.PrintAndReset($"delivery, {stopwatch.Elapsed.TotalSeconds:N2} s");

        var after = await store.CountAsync(CancellationToken.None);
        var expectedAudit = Grains + (commitOnDelivery ? ledger.Total : 0);
        Check.That(ledger.Total == Grains * RemindersPerGrain && ledger.NotExactlyOnce() == 0 && ledger.WrongDueTime == 0,
            $"{ledger.Total:N0} deliveries, each reminder exactly once at its due time, in {stopwatch.Elapsed.TotalSeconds:N2} s ({allocated / ledger.Total:N0} B allocated per delivery)");
        Check.That(after.Reminders == 0 && after.AuditEvents == expectedAudit, $"no reminder left in the store, {after.AuditEvents:N0} audit events");
        return (scheduled, ledger.Total / stopwatch.Elapsed.TotalSeconds);
    }
}
