using System.Globalization;
using System.Text;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Import;
using static OrleansTilsyn.Grains.Tests.Loop.LoopHarness;

namespace OrleansTilsyn.Grains.Tests.Loop;

/// <summary>The import grains apply the import limits themselves (whoever calls them) and name another sector's unit as such.</summary>
public sealed class ImportGrainTests
{
    [Fact]
    public async Task TheDirectoryRefusesAUnitFileOverTheRowLimitAndStoresNothing()
    {
        await using var h = await LoopHarness.StartAsync();
        var csv = new StringBuilder("id,name,sector,chief,leader,board\n");
        for (var i = 0; i <= ImportLimits.Units.MaxRows; i++) csv.Append(CultureInfo.InvariantCulture, $"u-{i},Enhed {i},skole,chief-a,leder-u-{i},\n");
        var directory = h.Grains.GetGrain<IOrganisationGrain>(GrainKeys.Singleton);

        var refused = await h.As(Admin, _ => directory.ImportUnitsAsync(csv.ToString()));

        Assert.Equal(ImportLimits.Field, Assert.Single(refused.Problem!.Violations).Field);
        Assert.Equal(0, (await h.Ok(Admin, _ => directory.ListUnitsAsync(new()))).Total);
    }

    [Fact]
    public async Task ADataPackageRowForAnotherSectorsUnitNamesThatUnitsSector()
    {
        await using var h = await LoopHarness.StartAsync();
        await h.SeedAsync();
        var package = h.Grains.GetGrain<IDataPackageGrain>(GrainKeys.DataPackage(Sector.Dagtilbud, "2023-Autumn"));

        var rejected = await h.As(Admin, _ => package.ImportAsync("unit;indicator;quality;value;groupSize\ndt-1;Normering;structural;5,5;40\nsk-1;Fravær;outcome;3,1;30\n", null));

        var violation = Assert.Single(rejected.Problem!.Violations);
        Assert.Equal(("line 3: unit", "'sk-1' is a school (sector skole), not a dagtilbud unit: this is the dagtilbud package"), (violation.Field, violation.Description));
    }
}
