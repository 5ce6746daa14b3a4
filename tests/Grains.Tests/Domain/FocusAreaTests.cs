using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Tasks;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

public sealed class FocusAreaTests
{
    private static readonly FocusArea Language = new("SPROG", "Hvad mangler barnet erfaringer med", null);

    [Fact]
    public void FocusAreasAreChosenOnlyAfterTheFirstConversationIsHeld() =>
        Fails(FocusAreaCommands.Choose(Started(Unit()), [Language], Leader(Unit()), At(2023, 4, 5)), ProblemKind.FailedPrecondition);

    [Fact]
    public void FocusAreasMustLieWithinThePoliticalThemes()
    {
        var s = Held(Started(Unit()), Spring2023, At(2023, 5, 10));
        var problem = Fails(FocusAreaCommands.Choose(s, [Language, new("MOTORIK", "Motorik", null)], Leader(s.Unit), At(2023, 5, 11)), ProblemKind.Invalid);
        Assert.True(problem.HasViolation("focusAreas[1].themeCode"));
        Assert.False(problem.HasViolation("focusAreas[0].themeCode"));
    }

    [Fact]
    public void FocusAreasNeedTheThemesOfTheLoop()
    {
        var s = Held(Started(Unit()) with { Themes = null }, Spring2023, At(2023, 5, 10));
        Fails(FocusAreaCommands.Choose(s, [Language], Leader(s.Unit), At(2023, 5, 11)), ProblemKind.FailedPrecondition);
        Fails(FocusAreaCommands.SetThemes(s, Themes(Loop0To6Of2023.Next()), Admin), ProblemKind.Invalid);
        s = Ok(FocusAreaCommands.SetThemes(s, Themes(Loop0To6Of2023), Admin)).State;
        Ok(FocusAreaCommands.Choose(s, [Language], Leader(s.Unit), At(2023, 5, 11)));
    }

    [Fact]
    public void ChoosingFocusAreasRaisesTheOverviewForTheCommittee()
    {
        var s = Held(Started(Unit()), Spring2023, At(2023, 5, 10));
        var outcome = Ok(FocusAreaCommands.Choose(s, [Language], Leader(s.Unit), At(2023, 5, 11)));
        Assert.Equal(TaskKind.ChooseFocusAreas, Assert.Single(outcome.Effects.TasksClosed).Kind);
        var overview = Assert.Single(outcome.Effects.TasksRaised);
        Assert.Equal((TaskKind.CompileFocusAreaOverview, AssigneeRole.Administration), (overview.Kind, overview.Assignee));
        Assert.Equal("Hvad mangler barnet erfaringer med", Assert.Single(outcome.State.FocusAreas).Title);
        var done = Ok(FocusAreaCommands.CompleteOverview(outcome.State, Admin, At(2023, 6, 1)));
        Assert.Equal(TaskKind.CompileFocusAreaOverview, Assert.Single(done.Effects.TasksClosed).Kind);
        Fails(FocusAreaCommands.CompleteOverview(outcome.State, Leader(s.Unit), At(2023, 6, 1)), ProblemKind.PermissionDenied);
    }

    [Fact]
    public void ChoosingAgainKeepsTheEarlierChoiceAsHistory()
    {
        var s = Held(Started(Unit()), Spring2023, At(2023, 5, 10));
        s = Ok(FocusAreaCommands.Choose(s, [Language], Leader(s.Unit), At(2023, 5, 11))).State;
        s = Ok(FocusAreaCommands.Choose(s, [Language, new("TRIVSEL", "Relationsspiralen", null)], Chief(s.Unit), At(2023, 5, 12))).State;
        Assert.Equal([1, 2], s.FocusAreaHistory.Select(h => h.Version));
        Assert.Equal(2, s.FocusAreas.Length);
    }

    [Fact]
    public void CommitteeOverviewKeepsEachUnitsLatestChoice()
    {
        var unit = Unit();
        var overview = new FocusAreaOverview(Loop0To6Of2023)
            .Upsert(new(unit.Id, unit.Name, unit.Sector, 2, [Language, new("TRIVSEL", "Relationer", null)]))
            .Upsert(new(unit.Id, unit.Name, unit.Sector, 1, [Language]))
            .Upsert(new(Grains.Domain.Organisation.UnitId.Parse("unit-2"), "Enhed 2", unit.Sector, 1, [Language]));
        Assert.Equal(2, overview.Entries.Length);
        Assert.Equal(2, overview.UnitsPerTheme()["SPROG"]);
        Assert.Equal(1, overview.UnitsPerTheme()["TRIVSEL"]);
    }
}
