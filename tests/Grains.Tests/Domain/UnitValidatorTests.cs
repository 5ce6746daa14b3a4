using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Organisation;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

public sealed class UnitValidatorTests
{
    private static UnitDraft Draft() => new("u-1", "Dagtilbud Egebakken", "dagtilbud", "leder-u-1", "bu-chef-1", "bestyrelse-u-1", false, false,
        [new SubUnitDraft("u-1.1", "Egebakken Nord")]);

    [Fact]
    public void ValidDraftBuildsUnit()
    {
        var unit = Ok(UnitValidator.Validate(Draft()));
        Assert.Equal(Sector.Dagtilbud, unit.Sector);
        Assert.Equal(AgeArea.ZeroToSix, unit.AgeArea);
        Assert.Single(unit.SubUnits);
    }

    [Fact]
    public void EveryViolationIsReportedAtOnce()
    {
        var draft = new UnitDraft("bad id", "", "hospital", "", "x/y", "ok", false, false,
            [new SubUnitDraft("s1", ""), new SubUnitDraft("s1", "To")]);
        var problem = Fails(UnitValidator.Validate(draft), ProblemKind.Invalid);
        foreach (var field in new[] { "id", "name", "sector", "leader", "chief", "subUnits[0].name", "subUnits[1].id" })
            Assert.True(problem.HasViolation(field), field);
    }

    [Fact]
    public void OnlyADagtilbudCanBeSelfOwnedAndItNeedsABoard()
    {
        var school = Fails(UnitValidator.Validate(Draft() with { Sector = "skole", SelfOwned = true }), ProblemKind.Invalid);
        Assert.True(school.HasViolation("selfOwned"));
        var noBoard = Fails(UnitValidator.Validate(Draft() with { SelfOwned = true, Board = null }), ProblemKind.Invalid);
        Assert.True(noBoard.HasViolation("board"));
    }

    [Fact]
    public void PortfolioRefusesTheSameUnitTwice()
    {
        var portfolio = Ok(ChiefPortfolio.Empty(ChiefId.Parse("bu-chef-1")).Assign(UnitId.Parse("u-1")));
        Fails(portfolio.Assign(UnitId.Parse("u-1")), ProblemKind.AlreadyExists);
        Fails(portfolio.Release(UnitId.Parse("u-2")), ProblemKind.NotFound);
    }

    [Fact]
    public void ThemesPerAreaAndLoopKeepEveryVersion()
    {
        var area = new AreaThemes();
        area = Ok(area.SetThemes(Loop0To6Of2023, [new("SPROG", "Sprog")], "forvaltning-1", At(2023, 3, 31)));
        area = Ok(area.SetThemes(Loop0To6Of2023, [new("SPROG", "Sprog"), new("LEG", "Leg")], "forvaltning-1", At(2023, 4, 2)));
        Assert.Equal(2, area.Current(Loop0To6Of2023)!.Version);
        Assert.Equal(2, area.History.Length);
        Fails(area.SetThemes(Loop6To18Of2024, [new("X", "Y")], "forvaltning-1", At(2024, 1, 1)), ProblemKind.Invalid);
        Fails(area.SetThemes(Loop0To6Of2023, ImmutableArray<PoliticalTheme>.Empty, "forvaltning-1", At(2024, 1, 1)), ProblemKind.Invalid);
    }
}
