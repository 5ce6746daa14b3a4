using Orleans;
using OrleansTilsyn.Contracts.Grains;
using static OrleansTilsyn.Grains.Tests.Loop.LoopHarness;

namespace OrleansTilsyn.Grains.Tests.Loop;

public sealed class ReminderAndRestartTests
{
    private static readonly DateTimeOffset SpringWindowOpens = new(2023, 4, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A wake reminder's tick delivered again (as when a silo dies between delivering it and the grain finishing, or the
    /// catch-up and the reminder both wake a grain, or a new activation wakes itself) applies nothing twice.
    /// </summary>
    [Fact]
    public async Task RedeliveredRemindersNeitherDoubleTasksNorWriteAgain()
    {
        await using var h = await LoopHarness.StartAsync();
        await h.SeedAsync();
        await h.AdvanceToAsync(SpringWindowOpens.AddHours(1));
        var before = await TasksAsync(h, "dt-1");
        var writes = h.Spy.Writes;
        Assert.Contains(before, t => t.Id == "dt-1/ScheduleConversation/2023-Spring/Chief");

        foreach (var unit in UnitIds)
        {
            await h.Unit(unit).AsReference<IAgendaGrain>().WakeAsync();
            await h.Unit(unit).AsReference<IAgendaGrain>().WakeAsync();
        }

        await h.KillAndRestartSiloAsync(0);
        await h.AdvanceToAsync(h.Now);
        var after = await TasksAsync(h, "dt-1");
        Assert.Equal(before.Select(t => (t.Id, t.State, t.RaisedAt)), after.Select(t => (t.Id, t.State, t.RaisedAt)));
        Assert.Equal(writes, h.Spy.Writes);
        Assert.All(UnitIds, unit => Assert.True(h.AgendaOf("unit", unit).Next?.DueAt > h.Now, $"{unit} has an item due now"));
    }

    [Fact]
    public async Task KillingAndRestartingASiloMidLoopLosesNothing()
    {
        await using var h = await LoopHarness.StartAsync(silos: 2);
        await h.SeedAsync();
        var user = new LoopUser(h);
        for (var day = new DateOnly(2023, 3, 31); day <= new DateOnly(2023, 5, 20); day = day.AddDays(1))
        {
            await h.AdvanceToAsync(At(day, 9));
            foreach (var unit in UnitIds) await user.ActAsync(unit, day);
        }

        var before = await SnapshotAsync(h);
        Assert.Contains(before, s => s.Contains("\"Held\"", StringComparison.Ordinal));
        await h.KillAndRestartSiloAsync(0);
        await h.KillAndRestartSiloAsync(0);
        Assert.Equal(before, await SnapshotAsync(h));

        await h.AdvanceToAsync(new DateTimeOffset(2023, 9, 2, 0, 0, 0, TimeSpan.Zero));
        var tasks = await TasksAsync(h, "dt-1");
        Assert.Contains(tasks, t => t.Id == "dt-1/PrepareConversation/2023-Autumn/Leader" && t.RaisedAt == new DateTimeOffset(2023, 9, 1, 0, 0, 0, TimeSpan.Zero));
        var minutes = await h.Ok(Leader("dt-1"), g => g.GetGrain<IUnitGrain>("dt-1").GetDocumentAsync(DocumentKind.Minutes, "2023-Spring"));
        Assert.Single(minutes.Versions);
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
