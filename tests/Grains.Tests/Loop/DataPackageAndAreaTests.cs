using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Results;
using static OrleansTilsyn.Grains.Tests.Loop.LoopHarness;

namespace OrleansTilsyn.Grains.Tests.Loop;

public sealed class DataPackageAndAreaTests
{
    private const string Release = """
        unit,indicator,quality,value,groupSize
        dt-1,Normering,structural,5.5,40
        dt-1.1,Normering,structural,6.1,3
        dt-self,Normering,structural,4.9,25
        dt-special,Sprogvurdering,outcome,81.5,12
        """;

    [Fact]
    public async Task AReleaseRaisesPreparationForTheSectorAndSmallGroupsAreSuppressedOnRead()
    {
        await using var h = await LoopHarness.StartAsync();
        await h.SeedAsync();
        await h.AdvanceToAsync(new DateTimeOffset(2023, 9, 2, 9, 0, 0, TimeSpan.Zero));
        var package = h.Grains.GetGrain<IDataPackageGrain>(GrainKeys.DataPackage(Sector.Dagtilbud, "2023-Autumn"));
        var rejected = await h.As(Admin, _ => package.ImportAsync(Release.Replace("4.9", "fire komma ni", StringComparison.Ordinal) + "\nsk-1,Fravær,outcome,3,30\n", null));
        Assert.Equal(["line 4: value", "line 6: unit"], rejected.Problem!.Violations.Select(v => v.Field));
        Assert.Empty(await h.Ok(Admin, _ => package.GetHistoryAsync()));

        var released = await h.Ok(Admin, _ => package.ImportAsync(Release, null));
        Assert.Equal((1, 4, 3), (released.Version, released.Values, released.Units));
        var tasks = await h.Ok(Admin, g => g.GetGrain<IUnitGrain>("dt-1").GetTasksAsync(new(AssigneeRole.Leader)));
        Assert.Contains(tasks, t => t.Id == "dt-1/PrepareConversation/2023-Autumn/Leader");
        var view = await h.Ok(Board("dt-1"), _ => package.GetForUnitAsync("dt-1"));
        Assert.Equal([(false, 5.5m), (true, (decimal?)null)], view.Indicators.Select(i => (i.Suppressed, i.Value)));
        Assert.Equal(ProblemKind.PermissionDenied, (await h.As(Leader("sk-1"), _ => package.GetForUnitAsync("dt-1"))).Problem!.Kind);

        await h.Ok(Admin, g => g.GetGrain<IConfigurationGrain>(GrainKeys.Singleton).SetSuppressionAsync(2));
        Assert.All((await h.Ok(Leader("dt-1"), _ => package.GetForUnitAsync("dt-1"))).Indicators, i => Assert.False(i.Suppressed));
        Assert.Equal(ProblemKind.AlreadyExists, (await h.As(Admin, _ => package.ImportAsync(Release, null))).Problem!.Kind);
        Assert.Equal(2, (await h.Ok(Admin, _ => package.ImportAsync(Release, "rettet normering"))).Version);
    }

    [Fact]
    public async Task TheCommitteeOverviewListsFocusAreasAndTheSummingUpIsOverseen()
    {
        await using var h = await LoopHarness.StartAsync();
        await h.SeedAsync();
        var area = h.Grains.GetGrain<IAreaGrain>("0-6/2023");
        var user = new LoopUser(h) { Skips = (unit, _) => unit != "dt-1" };
        for (var day = new DateOnly(2023, 3, 31); day <= new DateOnly(2023, 5, 1); day = day.AddDays(1))
        {
            await h.AdvanceToAsync(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
            await user.ActAsync("dt-1", day);
        }

        var overview = await h.Ok(Admin, _ => area.GetFocusAreaOverviewAsync());
        var entry = Assert.Single(overview.Entries);
        Assert.Equal(("dt-1", 1), (entry.Unit, entry.Version));
        Assert.Equal(["SPROG", "TRIVSEL"], overview.UnitsPerTheme.Select(t => t.ThemeCode));
        Assert.Equal(["dt-self", "dt-special"], overview.UnitsWithoutFocusAreas.ToArray());
        Assert.Empty(overview.UnitsNotReached);
        Assert.Equal(ProblemKind.PermissionDenied, (await h.As(Chief("chief-a"), _ => area.GetFocusAreaOverviewAsync())).Problem!.Kind);

        var next = await h.Ok(Admin, _ => area.SetThemesAsync([new("TRIVSEL", "Trivsel"), new("LEG", "Leg")]));
        Assert.Equal(2, next.Version);
        Assert.Equal(["TRIVSEL", "LEG"], (await h.Ok(Leader("dt-self"), g => g.GetGrain<IUnitGrain>("dt-self").GetStatusAsync())).Themes.Select(t => t.Code));
        var opsamling = await h.Ok(Admin, _ => area.GetOpsamlingOverviewAsync());
        Assert.Equal((0, 3), (opsamling.SummedUp, opsamling.Missing));
    }

    [Fact]
    public async Task AWheelVersionAppliesFromTheNextLoopOnly()
    {
        await using var h = await LoopHarness.StartAsync();
        await h.SeedAsync();
        var configuration = h.Grains.GetGrain<IConfigurationGrain>(GrainKeys.Singleton);
        var plain = await configuration.ResolveWheelAsync(new(Sector.Dagtilbud), new DateOnly(2023, 3, 31));
        var invalid = await h.As(Admin, _ => configuration.AddWheelVersionAsync(new(new(Sector.Dagtilbud, Special: true), new DateOnly(2024, 1, 1),
            plain.Settings with { MinutesDueDays = 0, OpsamlingDue = "13-45" }, "fejl")));
        Assert.Equal(["settings.opsamlingDue", "settings.minutesDueDays"], invalid.Problem!.Violations.Select(v => v.Field));
        Assert.Equal(ProblemKind.PermissionDenied, (await h.As(Leader("dt-special"), _ => configuration.AddWheelVersionAsync(
            new(new(Sector.Dagtilbud, Special: true), new DateOnly(2024, 1, 1), plain.Settings, "x")))).Problem!.Kind);

        var yearly = plain.Settings with { ConversationSeasons = [Season.Autumn], OneToOnesPerYear = 3 };
        var added = await h.Ok(Admin, _ => configuration.AddWheelVersionAsync(new(new(Sector.Dagtilbud, Special: true), new DateOnly(2024, 1, 1), yearly, "høringssvar: én samtale om året")));
        Assert.Equal(1, added.Version);
        await h.AdvanceToAsync(new DateTimeOffset(2023, 4, 1, 0, 0, 0, TimeSpan.Zero));
        var running = await h.Ok(Admin, g => g.GetGrain<IUnitGrain>("dt-special").GetTimelineAsync());
        Assert.Equal(("0-6/2023", 4), (running.Loop, running.Conversations.Length));

        await h.AdvanceToAsync(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero));
        var next = await h.Ok(Admin, g => g.GetGrain<IUnitGrain>("dt-special").GetTimelineAsync());
        Assert.Equal(("0-6/2025", 6), (next.Loop, next.OneToOnes.Length));
        Assert.Equal(["2025-Autumn", "2026-Autumn"], next.Conversations.Select(c => c.Period));
        Assert.Equal(1, (await h.Ok(Admin, g => g.GetGrain<IUnitGrain>("dt-special").GetStatusAsync())).WheelVersion);
        Assert.Equal(4, (await h.Ok(Admin, g => g.GetGrain<IUnitGrain>("dt-1").GetTimelineAsync())).Conversations.Length);
    }
}
