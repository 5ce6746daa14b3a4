using OrleansTilsyn.Grains.Domain.Demo;
using OrleansTilsyn.Grains.Domain.Organisation;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

public sealed class DemoDataTests
{
    private static readonly DemoOrganisation Demo = DemoData.Build();

    [Fact]
    public void DemoCoversEverySectorWithSelfOwnedAndSpecialUnits()
    {
        foreach (var sector in Enum.GetValues<Sector>()) Assert.Contains(Demo.Units, u => u.Sector == sector);
        Assert.Contains(Demo.Units, u => u.SelfOwned);
        Assert.All(Demo.Units.Where(u => u.SelfOwned), u => Assert.Equal(Sector.Dagtilbud, u.Sector));
        foreach (var sector in Enum.GetValues<Sector>()) Assert.Contains(Demo.Units, u => u.Special && u.Sector == sector);
    }

    [Fact]
    public void DemoContainsTheInstitutionsNamedInTheSeeds()
    {
        var strand = Demo.Units.Single(u => u.Name == "Strandens Dagtilbud");
        Assert.Equal(["Julsøvej", "Ved Åen", "Åtrolden", "Åhøjen", "Åkanden", "Pilehuset"], strand.SubUnits.Select(s => s.Name));
        Assert.Contains(Demo.Units, u => u.Name == "Specialdagtilbud Skovbrynet" && u.Special);
        Assert.Contains(Demo.Units, u => u.Name == "Langagerskolen" && u.Sector == Sector.Skole);
    }

    [Fact]
    public void EveryChiefHasAPortfolioOfTenToThirtyUnits()
    {
        Assert.Equal(DemoData.ChiefCount, Demo.Portfolios.Length);
        Assert.All(Demo.Portfolios, p => Assert.True(p.IsTypicalSize, $"{p.Chief}: {p.Units.Length}"));
        Assert.Equal(Demo.Units.Length, Demo.Portfolios.Sum(p => p.Units.Length));
        Assert.All(Demo.Units, u => Assert.Contains(u.Id, Demo.Portfolios.Single(p => p.Chief == u.Chief).Units));
    }

    [Fact]
    public void DemoUnitsPassValidationAndHaveUniqueIds()
    {
        foreach (var u in Demo.Units)
        {
            var draft = new UnitDraft(u.Id.Value, u.Name, u.Sector.ToString(), u.Leader.Value, u.Chief.Value, u.Board?.Value, u.SelfOwned, u.Special,
                [.. u.SubUnits.Select(s => new SubUnitDraft(s.Id.Value, s.Name))]);
            Ok(UnitValidator.Validate(draft));
        }
        var ids = Demo.Units.Select(u => u.Id.Value).Concat(Demo.Units.SelectMany(u => u.SubUnits.Select(s => s.Id.Value))).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(4, Demo.Themes[AgeArea.ZeroToSix].Length);
    }
}
