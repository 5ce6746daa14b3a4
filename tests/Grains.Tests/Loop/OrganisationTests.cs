using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Results;
using static OrleansTilsyn.Grains.Tests.Loop.LoopHarness;

namespace OrleansTilsyn.Grains.Tests.Loop;

public sealed class OrganisationTests
{
    private static IOrganisationGrain Directory(LoopHarness h) => h.Grains.GetGrain<IOrganisationGrain>(GrainKeys.Singleton);

    [Fact]
    public async Task AnImportWithRowErrorsReportsThemAllAndAppliesNothing()
    {
        await using var h = await LoopHarness.StartAsync();
        const string csv = """
            id,name,sector,chief,leader,board,selfOwned,special,parent
            ok-1,Dagtilbud Et,dagtilbud,chief-a,leder-ok-1,bestyrelse-ok-1,false,false,
            bad 2,Skole To,skole,chief-a,leder-2,,false,false,
            sk-3,Skole Tre,skole,chief-a,leder-3,,true,false,
            """;
        var result = await h.As(Admin, _ => Directory(h).ImportUnitsAsync(csv));
        Assert.Equal(ProblemKind.Invalid, result.Problem!.Kind);
        Assert.Contains(result.Problem.Violations, v => v.Field == "line 3: id");
        Assert.Contains(result.Problem.Violations, v => v.Field == "line 4: selfOwned");
        Assert.Equal(0, (await h.Ok(Admin, _ => Directory(h).ListUnitsAsync(new()))).Total);
        Assert.Equal(ProblemKind.NotFound, (await h.As(Admin, g => g.GetGrain<IUnitGrain>("ok-1").GetStatusAsync())).Problem!.Kind);
        Assert.Equal(ProblemKind.PermissionDenied, (await h.As(Leader("ok-1"), _ => Directory(h).ImportUnitsAsync(csv))).Problem!.Kind);
    }

    [Fact]
    public async Task UnitsArePagedAndFilteredAndEachChiefGetsAPortfolio()
    {
        await using var h = await LoopHarness.StartAsync();
        await h.SeedAsync();
        var first = await h.Ok(Leader("dt-1"), _ => Directory(h).ListUnitsAsync(new(PageSize: 2)));
        var second = await h.Ok(Leader("dt-1"), _ => Directory(h).ListUnitsAsync(new(PageSize: 2, PageToken: first.NextPageToken)));
        var third = await h.Ok(Leader("dt-1"), _ => Directory(h).ListUnitsAsync(new(PageSize: 2, PageToken: second.NextPageToken)));
        Assert.Equal(5, first.Total);
        Assert.Equal(UnitIds.Order(StringComparer.Ordinal), first.Units.Concat(second.Units).Concat(third.Units).Select(u => u.Id));
        Assert.Null(third.NextPageToken);
        Assert.Equal(["dt-1", "dt-self", "dt-special"], (await h.Ok(Admin, _ => Directory(h).ListUnitsAsync(new(Area: AgeArea.ZeroToSix)))).Units.Select(u => u.Id));
        Assert.Equal(["fu-1", "sk-1"], (await h.Ok(Admin, _ => Directory(h).ListUnitsAsync(new(Area: AgeArea.SixToEighteen)))).Units.Select(u => u.Id));
        var chiefs = await h.Ok(Admin, _ => Directory(h).ListChiefsAsync());
        Assert.Equal(["chief-a", "chief-b"], chiefs.Select(c => c.Id));
        var portfolio = await h.Ok(Chief("chief-b"), g => g.GetGrain<IChiefGrain>("chief-b").GetPortfolioAsync());
        Assert.Equal(["fu-1", "dt-self"], portfolio.Units.ToArray());
        var unit = await h.Ok(Admin, _ => Directory(h).GetUnitAsync("dt-1"));
        Assert.Equal("Dagtilbud Egebakken", unit.Name);
        Assert.Equal(["dt-1.1"], unit.SubUnits.Select(s => s.Id));
    }

    [Fact]
    public async Task ReimportingIsIdempotentAndANewChiefTakesOverPortfolioAndOpenTasks()
    {
        await using var h = await LoopHarness.StartAsync();
        await h.SeedAsync();
        await h.AdvanceToAsync(new DateTimeOffset(2023, 4, 2, 9, 0, 0, TimeSpan.Zero));
        var again = await h.Ok(Admin, _ => Directory(h).ImportUnitsAsync(UnitsCsv));
        Assert.Equal((0, 0, 5), (again.Created, again.Updated, again.Unchanged));

        var moved = UnitsCsv.Replace("dt-1,Dagtilbud Egebakken,dagtilbud,chief-a", "dt-1,Dagtilbud Egebakken,dagtilbud,chief-b", StringComparison.Ordinal);
        Assert.Equal(1, (await h.Ok(Admin, _ => Directory(h).ImportUnitsAsync(moved))).Updated);
        Assert.DoesNotContain("dt-1", (await h.Ok(Admin, g => g.GetGrain<IChiefGrain>("chief-a").GetPortfolioAsync())).Units);
        Assert.Contains("dt-1", (await h.Ok(Admin, g => g.GetGrain<IChiefGrain>("chief-b").GetPortfolioAsync())).Units);
        var inbox = await h.Ok(Chief("chief-b"), g => g.GetGrain<IChiefGrain>("chief-b").GetInboxAsync(new()));
        Assert.Contains(inbox.Tasks, t => t.Id == "dt-1/ScheduleConversation/2023-Spring/Chief");
        Assert.DoesNotContain((await h.Ok(Chief("chief-a"), g => g.GetGrain<IChiefGrain>("chief-a").GetInboxAsync(new()))).Tasks, t => t.Unit == "dt-1");
        Assert.Equal(ProblemKind.PermissionDenied, (await h.As(Chief("chief-a"), g => g.GetGrain<IUnitGrain>("dt-1").ScheduleConversationAsync("2023-Spring", h.Now.AddDays(3)))).Problem!.Kind);
        await h.Ok(Chief("chief-b"), g => g.GetGrain<IUnitGrain>("dt-1").ScheduleConversationAsync("2023-Spring", h.Now.AddDays(3)));
    }

    [Fact]
    public async Task AChangedFlagTakesEffectWithTheNextLoopAndCanBeTakenBack()
    {
        await using var h = await LoopHarness.StartAsync();
        await h.SeedAsync();
        await h.AdvanceToAsync(new DateTimeOffset(2023, 4, 2, 9, 0, 0, TimeSpan.Zero));
        var special = UnitsCsv.Replace("leder-dt-1,bestyrelse-dt-1,false,false", "leder-dt-1,bestyrelse-dt-1,false,true", StringComparison.Ordinal);
        Assert.Equal(1, (await h.Ok(Admin, _ => Directory(h).ImportUnitsAsync(special))).Updated);
        Assert.False((await h.Ok(Admin, g => g.GetGrain<IUnitGrain>("dt-1").GetStatusAsync())).Unit.Special);
        Assert.Equal(0, (await h.Ok(Admin, _ => Directory(h).ImportUnitsAsync(special))).Updated);
        Assert.Equal(1, (await h.Ok(Admin, _ => Directory(h).ImportUnitsAsync(UnitsCsv))).Updated);
        await h.AdvanceToAsync(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero));
        var next = await h.Ok(Admin, g => g.GetGrain<IUnitGrain>("dt-1").GetStatusAsync());
        Assert.Equal(("0-6/2025", false), (next.Loop, next.Unit.Special));

        Assert.Equal(1, (await h.Ok(Admin, _ => Directory(h).ImportUnitsAsync(special))).Updated);
        await h.AdvanceToAsync(new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.True((await h.Ok(Admin, g => g.GetGrain<IUnitGrain>("dt-1").GetStatusAsync())).Unit.Special);
    }

    [Fact]
    public async Task TheDemoSeedsUnitsThemesAndDataPackages()
    {
        await using var h = await LoopHarness.StartAsync();
        var summary = await h.Ok(Admin, _ => Directory(h).SeedDemoAsync());
        Assert.True(summary.Created > 60);
        Assert.Empty(summary.NotRegistered);
        var strandens = await h.Ok(Admin, g => g.GetGrain<IUnitGrain>("strandens-dagtilbud").GetStatusAsync());
        Assert.Equal(("0-6/2021", 4), (strandens.Loop, strandens.Themes.Length));
        var packages = await h.Ok(Admin, g => g.GetGrain<IDataPackageGrain>(GrainKeys.DataPackage(Sector.Dagtilbud, "2023-Spring")).GetHistoryAsync());
        Assert.Single(packages);
        Assert.Equal((summary.Created, 0), ((await h.Ok(Admin, _ => Directory(h).SeedDemoAsync())).Unchanged, 0));
    }
}
