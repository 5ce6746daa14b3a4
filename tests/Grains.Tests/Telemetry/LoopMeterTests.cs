using Microsoft.Extensions.DependencyInjection;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Telemetry;
using OrleansTilsyn.Grains.Tests.Loop;
using static OrleansTilsyn.Grains.Tests.Loop.LoopHarness;

namespace OrleansTilsyn.Grains.Tests.Telemetry;

/// <summary>
/// Runs the harness's units through 2023 on the fake clock with known gaps (dt-1's autumn samtale,
/// sk-1's first 1:1 after each samtale and dt-self's 2023 board report are never done), releases one
/// data package and corrects it, delivers one batch of agenda items late (one jump of the clock), and reads the Loop meter.
/// </summary>
public sealed class LoopMeterTests
{
    private static readonly DateOnly FirstDay = DateOnly.FromDateTime(Start.UtcDateTime);
    private static readonly DateOnly LastDay = new(2023, 12, 20);

    private const string Release = """
        unit,indicator,quality,value,groupSize
        dt-1,Normering,structural,5.5,40
        dt-self,Normering,structural,4.9,25
        dt-special,Sprogvurdering,outcome,81.5,12
        """;

    [Fact]
    public async Task LoopMeterCountsDueHeldAndOverdueItemsPerSectorAndAreaAfterASimulatedYear()
    {
        using var metrics = new LoopMetrics();
        using var measured = new MeasuredValues(metrics.Meter);
        await using var h = await LoopHarness.StartAsync(configure: s => s.AddSingleton(metrics));
        await h.SeedAsync();
        var caughtUpAtStart = Tardiness(measured).Length;
        var user = new LoopUser(h)
        {
            Skips = (unit, occurrence) => (unit == "dt-1" && occurrence == "2023-Autumn")
                || (unit == "sk-1" && occurrence.EndsWith(".1", StringComparison.Ordinal))
                || (unit == "dt-self" && occurrence == "2023"),
        };
        for (var day = FirstDay.AddDays(1); day <= LastDay; day = day.AddDays(1))
        {
            await h.AdvanceToAsync(At(day, 6));
            if (day == new DateOnly(2023, 9, 2)) await ReleaseAutumnPackageTwiceAsync(h);
            await h.AdvanceToAsync(At(day, 9));
            foreach (var unit in UnitIds) await user.ActAsync(unit, day);
        }

        Assert.Empty(measured.ReadGauges());
        var onTime = Tardiness(measured)[caughtUpAtStart..];
        Assert.NotEmpty(onTime);
        // On time, except the 2023-Spring data release (1 February) of each daycare, scheduled when the
        // 0-6/2023 loop starts on 31 March and delivered at once: 58 days late.
        var catchUp = TimeSpan.FromDays(58).TotalSeconds;
        Assert.Equal(Enumerable.Repeat((Tags(Sector.Dagtilbud), catchUp), 3), onTime.Where(r => r.Value != 0).Select(r => (r.Tags, r.Value)));
        var late = await DeliverNextRemindersLateAsync(h, TimeSpan.FromHours(2));

        var report = await new LoopHealthCollector(h.Grains, h.Host.Clock, metrics).CollectAsync(LoopHealthCollector.Reader);
        metrics.Publish(report);
        var gauges = measured.ReadGauges();

        await AssertGaugesMatchTheUnitsTimelinesAsync(h, gauges);
        const string daycare = "tilsyn.sector=dagtilbud,tilsyn.area=0-6", school = "tilsyn.sector=skole,tilsyn.area=6-18", youth = "tilsyn.sector=fu,tilsyn.area=6-18";
        double G(string name, string tags) => gauges[$"{name}{{{tags}}}"];
        Assert.Equal((3.0, 1.0, 1.0), (G("tilsyn.loop.units", daycare), G("tilsyn.loop.units", school), G("tilsyn.loop.units", youth)));
        // dt-1's autumn samtale was never scheduled: overdue, with its two preparation tasks and the scheduling task.
        Assert.Equal((6.0, 5.0, 1.0), (G("tilsyn.loop.conversations.due", daycare), G("tilsyn.loop.conversations.held", daycare), G("tilsyn.loop.conversations.overdue", daycare)));
        Assert.Equal((2.0, 2.0, 0.0), (G("tilsyn.loop.conversations.due", school), G("tilsyn.loop.conversations.held", school), G("tilsyn.loop.conversations.overdue", school)));
        Assert.Equal((2.0, 1.0), (G("tilsyn.loop.tasks.overdue", daycare + ",tilsyn.task.kind=PrepareConversation"), G("tilsyn.loop.tasks.overdue", daycare + ",tilsyn.task.kind=ScheduleConversation")));
        // sk-1 skips the first 1:1 after each samtale; fu-1's 1:1 due on the first day (before anyone acts) was never held.
        Assert.Equal((12.0, 12.0, 0.0, 1.0), (G("tilsyn.loop.one_to_ones.due", daycare), G("tilsyn.loop.one_to_ones.held", daycare), G("tilsyn.loop.one_to_ones.overdue", daycare), G("tilsyn.loop.one_to_one.adherence", daycare)));
        Assert.Equal((4.0, 2.0, 2.0, 0.5), (G("tilsyn.loop.one_to_ones.due", school), G("tilsyn.loop.one_to_ones.held", school), G("tilsyn.loop.one_to_ones.overdue", school), G("tilsyn.loop.one_to_one.adherence", school)));
        Assert.Equal((4.0, 3.0, 1.0, 0.75), (G("tilsyn.loop.one_to_ones.due", youth), G("tilsyn.loop.one_to_ones.held", youth), G("tilsyn.loop.one_to_ones.overdue", youth), G("tilsyn.loop.one_to_one.adherence", youth)));
        Assert.Equal((2.0, 2.0), (G("tilsyn.loop.tasks.open", school + ",tilsyn.task.kind=HoldOneToOne"), G("tilsyn.loop.tasks.overdue", school + ",tilsyn.task.kind=HoldOneToOne")));
        // dt-self's 2023 report was never submitted: overdue, with the board's task and the chief's chasing task.
        Assert.Equal((1.0, 1.0, 0.0), (G("tilsyn.loop.board_reports.due", daycare), G("tilsyn.loop.board_reports.overdue", daycare), G("tilsyn.loop.board_reports.in_review", daycare)));
        Assert.Equal(2.0, G("tilsyn.loop.tasks.overdue", daycare + ",tilsyn.task.kind=SubmitBoardReport"));
        // Spring and autumn packages are due in every sector; only the daycares' autumn one was released (and corrected once).
        Assert.Equal((2.0, 1.0, 1.0), (G("tilsyn.loop.data_packages.due", daycare), G("tilsyn.loop.data_packages.released", daycare), G("tilsyn.loop.data_packages.corrections", daycare)));
        Assert.Equal((2.0, 0.0, 0.0), (G("tilsyn.loop.data_packages.due", school), G("tilsyn.loop.data_packages.released", school), G("tilsyn.loop.data_packages.corrections", school)));
        Assert.DoesNotContain(gauges.Keys, k => UnitIds.Any(u => k.Contains(u, StringComparison.Ordinal)) || k.Contains("chief", StringComparison.Ordinal));

        Assert.NotEmpty(late);
        var recorded = Tardiness(measured);
        Assert.Equal(late.Select(l => (Tags(l.Sector), 7200.0)).Order(), recorded[(caughtUpAtStart + onTime.Length)..].Select(r => (r.Tags, r.Value)).Order());
        foreach (var sector in report.Sectors)
        {
            var inSector = recorded.Where(r => r.Tags == Tags(sector.Sector)).Select(r => r.Value).ToArray();
            Assert.Equal(new ReminderTardinessSummary(inSector.Length, inSector.Sum(), inSector.Max()), sector.ReminderTardiness);
        }
    }

    private static (string Instrument, string Tags, double Value)[] Tardiness(MeasuredValues measured) =>
        [.. measured.Recorded.Where(r => r.Instrument == "tilsyn.loop.reminder.tardiness")];

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    private static string Tags(Sector sector) => sector switch
    {
        Sector.Dagtilbud => "tilsyn.sector=dagtilbud,tilsyn.area=0-6",
        Sector.Skole => "tilsyn.sector=skole,tilsyn.area=6-18",
        _ => "tilsyn.sector=fu,tilsyn.area=6-18",
    };

    private static async Task ReleaseAutumnPackageTwiceAsync(LoopHarness h)
    {
        var package = h.Grains.GetGrain<IDataPackageGrain>(GrainKeys.DataPackage(Sector.Dagtilbud, "2023-Autumn"));
        await h.Ok(Admin, _ => package.ImportAsync(Release, null));
        await h.Ok(Admin, _ => package.ImportAsync(Release.Replace("5.5", "5.6", StringComparison.Ordinal), "rettet normering"));
    }

    /// <summary>
    /// Moves the clock past the units' next due agenda item in one jump (not stopping at the wake reminders' ticks), then
    /// lets the reminders deliver: every unit item due then comes <paramref name="lateBy"/> late.
    /// </summary>
    private static async Task<List<(string Unit, Sector Sector)>> DeliverNextRemindersLateAsync(LoopHarness h, TimeSpan lateBy)
    {
        var next = UnitIds.Select(u => h.AgendaOf("unit", u).Next).OfType<DueItem>().Min(i => i.DueAt);
        var late = new List<(string, Sector)>();
        foreach (var unit in UnitIds)
        {
            var items = h.AgendaOf("unit", unit).Items;
            var sector = (await h.Ok(Admin, g => g.GetGrain<IUnitGrain>(unit).GetUnitAsync())).Sector;
            late.AddRange(items.Where(i => i.DueAt == next).Select(_ => (unit, sector)));
        }

        await Task.Run(() => h.Host.Clock.SetUtcNow(next + lateBy));
        await h.Host.RemindersSettledAsync();
        return late;
    }

    /// <summary>The gauges against the same counts derived from what the unit grains show their administration.</summary>
    private static async Task AssertGaugesMatchTheUnitsTimelinesAsync(LoopHarness h, IReadOnlyDictionary<string, double> gauges)
    {
        var today = DateOnly.FromDateTime(h.Now.UtcDateTime);
        foreach (var sector in Enum.GetValues<Sector>())
        {
            var units = new List<(TimelineDto Timeline, TaskDto[] Tasks, AgreementDto[] Agreements)>();
            foreach (var unit in UnitIds)
            {
                if ((await h.Ok(Admin, g => g.GetGrain<IUnitGrain>(unit).GetUnitAsync())).Sector != sector) continue;
                units.Add((await h.Ok(Admin, g => g.GetGrain<IUnitGrain>(unit).GetTimelineAsync()),
                    [.. await h.Ok(Admin, g => g.GetGrain<IUnitGrain>(unit).GetTasksAsync(new TaskQuery()))],
                    [.. await h.Ok(Leader(unit), g => g.GetGrain<IUnitGrain>(unit).GetAgreementsAsync(includeClosed: false))]));
            }

            var tags = Tags(sector);
            var conversations = units.SelectMany(u => u.Timeline.Conversations).Where(c => c.Status != ConversationStatus.BeforeTracking).ToArray();
            var oneToOnesDue = units.SelectMany(u => u.Timeline.OneToOnes).Where(o => o.Status != OneToOneStatus.BeforeTracking && o.Due < today).ToArray();
            var boardReports = units.SelectMany(u => u.Timeline.BoardReports).ToArray();
            var tasks = units.SelectMany(u => u.Tasks).ToArray();
            Assert.Equal(units.Count, gauges[$"tilsyn.loop.units{{{tags}}}"]);
            Assert.Equal(conversations.Count(c => c.WindowClose < today), gauges[$"tilsyn.loop.conversations.due{{{tags}}}"]);
            Assert.Equal(conversations.Count(c => c.Status == ConversationStatus.Held), gauges[$"tilsyn.loop.conversations.held{{{tags}}}"]);
            Assert.Equal(conversations.Count(c => c.Overdue), gauges[$"tilsyn.loop.conversations.overdue{{{tags}}}"]);
            Assert.Equal(oneToOnesDue.Length, gauges[$"tilsyn.loop.one_to_ones.due{{{tags}}}"]);
            Assert.Equal(oneToOnesDue.Count(o => o.Overdue), gauges[$"tilsyn.loop.one_to_ones.overdue{{{tags}}}"]);
            Assert.Equal(oneToOnesDue.Length == 0 ? 1 : oneToOnesDue.Count(o => o.Status == OneToOneStatus.Held) / (double)oneToOnesDue.Length,
                gauges[$"tilsyn.loop.one_to_one.adherence{{{tags}}}"], 9);
            Assert.Equal(boardReports.Count(b => b.Status == BoardReportStatus.Pending && today >= b.Due.AddDays(-30)), gauges[$"tilsyn.loop.board_reports.due{{{tags}}}"]);
            Assert.Equal(boardReports.Count(b => b.Overdue), gauges[$"tilsyn.loop.board_reports.overdue{{{tags}}}"]);
            Assert.Equal(boardReports.Count(b => b.Status == BoardReportStatus.Submitted), gauges[$"tilsyn.loop.board_reports.in_review{{{tags}}}"]);
            Assert.Equal(units.Count(u => u.Timeline.Conversations.Any(c => c.Overdue) || u.Timeline.OneToOnes.Any(o => o.Overdue)
                || u.Timeline.BoardReports.Any(b => b.Overdue) || u.Tasks.Any(t => t.State == TaskState.Overdue) || u.Agreements.Any(a => a.Due < today)),
                gauges[$"tilsyn.loop.units.with_overdue{{{tags}}}"]);
            var agreements = units.SelectMany(u => u.Agreements).ToArray();
            Assert.Equal(agreements.Length, gauges[$"tilsyn.loop.agreements.open{{{tags}}}"]);
            Assert.Equal(agreements.Count(a => a.Due < today), gauges[$"tilsyn.loop.agreements.past_due{{{tags}}}"]);
            foreach (var kind in Enum.GetValues<TaskKind>())
            {
                Assert.Equal(tasks.Count(t => t.Kind == kind), gauges[$"tilsyn.loop.tasks.open{{{tags},tilsyn.task.kind={kind}}}"]);
                Assert.Equal(tasks.Count(t => t.Kind == kind && t.State == TaskState.Overdue), gauges[$"tilsyn.loop.tasks.overdue{{{tags},tilsyn.task.kind={kind}}}"]);
            }
        }
    }
}
