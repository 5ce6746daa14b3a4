using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrleansTilsyn.Silo.Sqlite;
using OrleansTilsyn.Silo.Hosting;

namespace OrleansTilsyn.Benchmarks.Scenarios;

/// <summary>
/// Agenda catch-up after an outage: 100,000 agenda grains (--quick: 10,000), each a committing grain with 1 to 3 due
/// items, schedule their items on a silo with the embedded stores and a reminder/grain clock standing still
/// (<see cref="FrozenClock"/>); that silo stops,
/// the clock moves a day on (past every item), and a silo starts on a copy of the same SQLite files: its
/// <c>AgendaCatchUp</c> wakes every grain, which applies its items. Reports items/s and the time from the restart
/// until the catch-up is done, and checks that it woke every grain once and every item was applied exactly once.
/// Each repetition restarts on a fresh copy of the files; at most 2 repetitions and no warm-up, as each drains the whole
/// backlog (about a minute and a half at full size on 2 cores).
/// </summary>
public static class AgendaCatchUpBenchmark
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 7, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstDueAt = T0.AddMinutes(10);
    private static readonly TimeSpan Outage = TimeSpan.FromDays(1);

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkSettings settings)
    {
        var grains = settings.Quick ? 10_000 : 100_000;
        var items = Enumerable.Range(0, grains).Sum(ItemsOf);
        Console.WriteLine($"== agenda-catch-up: {grains:N0} agenda grains with {items:N0} items falling due during a {Outage.TotalHours:N0} h outage, " +
            $"embedded SQLite stores, {Environment.ProcessorCount} cores");
        using var registered = new TempDataFolder("agenda");
        await RegisterAsync(registered.Path, grains);

        var drainSeconds = new List<double>();
        var runs = settings with { Repetitions = Math.Min(settings.Repetitions, 2), Warmups = 0 };
        var rates = await Measurement.RepeatAsync("agenda catch-up", "items/s", runs, async () =>
        {
            var drained = await CatchUpOnCopyAsync(registered.Path, grains, items);
            drainSeconds.Add(drained.TotalSeconds);
            return items / drained.TotalSeconds;
        });

        return
        [
            new($"agenda-catch-up: items applied after restart, {grains:N0} grains", "items/s", rates),
            new($"agenda-catch-up: restart until drained, {items:N0} items", "s", new Samples(drainSeconds[runs.Warmups..]), HigherIsBetter: false),
        ];
    }

    private static int ItemsOf(int grain) => 1 + grain % 3;

    private static string Key(int grain) => "agenda-" + grain;

    private static async Task RegisterAsync(string dataFolder, int grains)
    {
        var stopwatch = Stopwatch.StartNew();
        await using (var silo = await BenchSilo.StartAsync(BenchStores.Sqlite, dataFolder, new FrozenClock(T0)))
        {
            var empty = await CatchUpOf(silo);
            Check.That(empty.Due == 0, "nothing to catch up before the items are scheduled");
            await Parallel.ForEachAsync(Enumerable.Range(0, grains), new ParallelOptions { MaxDegreeOfParallelism = 64 },
                async (i, _) => await silo.Grains.GetGrain<IAgendaBenchGrain>(Key(i)).ScheduleAsync(ItemsOf(i), FirstDueAt));
            Console.WriteLine($"  scheduled the items of {grains:N0} grains in {stopwatch.Elapsed.TotalSeconds:N2} s ({grains / stopwatch.Elapsed.TotalSeconds:N0} grains/s); stopping the silo");
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>Starts a silo a day later on a copy of the registered files and returns the time from the start until the catch-up is done.</summary>
    private static async Task<TimeSpan> CatchUpOnCopyAsync(string registeredFolder, int grains, int items)
    {
        using var copy = new TempDataFolder("agenda-run");
        PrivateFiles.CreateFolder(copy.Path);
        foreach (var file in Directory.GetFiles(registeredFolder))
            File.Copy(file, Path.Combine(copy.Path, Path.GetFileName(file)));

        var restarting = Stopwatch.StartNew();
        await using var silo = await BenchSilo.StartAsync(BenchStores.Sqlite, copy.Path, new FrozenClock(T0 + Outage));
        var started = restarting.Elapsed;
        var result = await CatchUpOf(silo);
        var drained = restarting.Elapsed;
        Console.WriteLine($"    silo started in {started.TotalSeconds:N2} s, catch-up done {drained.TotalSeconds:N2} s after the restart: " +
            $"{result.Woken:N0} woken, {result.Failed:N0} failed, {result.NotYetDue:N0} not yet due");
        Check.That(result == new AgendaCatchUpResult(grains, grains, 0, 0), $"the catch-up woke each of the {grains:N0} grains once, none failed");

        var views = await Task.WhenAll(Enumerable.Range(0, grains).Select(i => silo.Grains.GetGrain<IAgendaBenchGrain>(Key(i)).ReadAsync()));
        var wrong = Enumerable.Range(0, grains).Count(i =>
            views[i].Pending != 0 || !views[i].Applied.Order().SequenceEqual(Enumerable.Range(0, ItemsOf(i)).Select(AgendaBenchGrain.ItemName).Order()));
        Check.That(wrong == 0, $"every one of the {items:N0} items applied exactly once, none left pending ({wrong:N0} grains wrong)");
        return drained;
    }

    private static Task<AgendaCatchUpResult> CatchUpOf(BenchSilo silo) =>
        silo.Services.GetRequiredService<AgendaCatchUp>().Completion.WaitAsync(TimeSpan.FromMinutes(10));
}
