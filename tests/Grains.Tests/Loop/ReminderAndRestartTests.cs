using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Storage.Sqlite;
using static OrleansTilsyn.Grains.Tests.Loop.LoopHarness;

namespace OrleansTilsyn.Grains.Tests.Loop;

public sealed class ReminderAndRestartTests
{
    private static readonly DateTimeOffset SpringWindowOpens = new(2023, 4, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RedeliveredRemindersNeitherDoubleTasksNorWriteAgain()
    {
        ForgetfulStore? store = null;
        await using var h = await LoopHarness.StartAsync(store: () => store = new ForgetfulStore(new InMemoryGrainStore()));
        await h.SeedAsync();
        store!.ForgetCompletions = true;
        await h.AdvanceToAsync(SpringWindowOpens.AddHours(1));
        var before = await TasksAsync(h, "dt-1");
        var writes = store.Writes;
        Assert.Contains(before, t => t.Id == "dt-1/ScheduleConversation/2023-Spring/Chief");

        h.RealTime.AdvanceBy(TimeSpan.FromMinutes(5));
        store.ForgetCompletions = false;
        Assert.True(await h.Cluster.DeliverDueAsync() >= 2, "the forgotten deliveries come again");
        var after = await TasksAsync(h, "dt-1");
        Assert.Equal(before.Select(t => (t.Id, t.State, t.RaisedAt)), after.Select(t => (t.Id, t.State, t.RaisedAt)));
        Assert.Equal(writes, store.Writes);
        Assert.Equal(0, (await h.Cluster.Store.ListRemindersAsync(new GrainId("unit", "dt-1"), default)).Count(r => r.DueAt <= h.Now));
    }

    [Fact]
    public async Task KillingAndRestartingASiloMidLoopLosesNothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"tilsyn-restart-{Guid.NewGuid():N}.db");
        try
        {
            await using var h = await LoopHarness.StartAsync(silos: 2, store: () => new SqliteGrainStore($"Data Source={file}"));
            await h.SeedAsync();
            var user = new LoopUser(h);
            for (var day = new DateOnly(2023, 3, 31); day <= new DateOnly(2023, 5, 20); day = day.AddDays(1))
            {
                await h.AdvanceToAsync(At(day, 9));
                foreach (var unit in UnitIds) await user.ActAsync(unit, day);
            }

            var before = await SnapshotAsync(h);
            Assert.Contains(before, s => s.Contains("\"Held\"", StringComparison.Ordinal));
            h.Cluster.KillSilo(0);
            await h.Cluster.RestartSiloAsync(0);
            h.Cluster.KillSilo(1);
            await h.Cluster.RestartSiloAsync(1);
            Assert.Equal(before, await SnapshotAsync(h));

            await h.AdvanceToAsync(new DateTimeOffset(2023, 9, 2, 0, 0, 0, TimeSpan.Zero));
            var tasks = await TasksAsync(h, "dt-1");
            Assert.Contains(tasks, t => t.Id == "dt-1/PrepareConversation/2023-Autumn/Leader" && t.RaisedAt == new DateTimeOffset(2023, 9, 1, 0, 0, 0, TimeSpan.Zero));
            var minutes = await h.Ok(Leader("dt-1"), g => g.GetGrain<IUnitGrain>("dt-1").GetDocumentAsync(DocumentKind.Minutes, "2023-Spring"));
            Assert.Single(minutes.Versions);
        }
        finally
        {
            foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(file) + "*")) File.Delete(f);
        }
    }

    private static async Task<TaskDto[]> TasksAsync(LoopHarness h, string unit) =>
        [.. (await h.Ok(Admin, g => g.GetGrain<IUnitGrain>(unit).GetTasksAsync(new(IncludeDone: true)))).OrderBy(t => t.Id, StringComparer.Ordinal)];

    /// <summary>Everything a reader sees of the units, as JSON, for before/after comparisons.</summary>
    private static async Task<string[]> SnapshotAsync(LoopHarness h)
    {
        var views = new List<string>();
        foreach (var unit in UnitIds)
        {
            var grain = h.Grains.GetGrain<IUnitGrain>(unit);
            views.Add(System.Text.Json.JsonSerializer.Serialize(await h.Ok(Admin, _ => grain.GetTimelineAsync())));
            views.Add(System.Text.Json.JsonSerializer.Serialize(await TasksAsync(h, unit)));
            views.Add(System.Text.Json.JsonSerializer.Serialize(await h.Ok(Leader(unit), _ => grain.GetAgreementsAsync(true))));
        }

        return [.. views];
    }

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
}
