using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Import;
using OrleansTilsyn.Grains.Domain.Organisation;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

public sealed class UnitImportTests
{
    private const string Header = "id,name,sector,chief,leader,board,selfOwned,special,parent\n";

    [Fact]
    public void ImportsUnitsWithTheirSubUnitsAndFlags()
    {
        var units = Ok(UnitCsvImport.Parse(Header +
            "dt-1,Dagtilbud Egebakken,dagtilbud,bu-chef-1,leder-dt-1,bestyrelse-dt-1,ja,,\n" +
            "dt-1.1,Egebakken Nord,,,,,,,dt-1\n" +
            "dt-1.2,Egebakken Syd,,,,,,,dt-1\n" +
            "sk-1,Egebakken Skole,skole,bu-chef-2,leder-sk-1,,false,true,\n"));
        Assert.Equal(2, units.Length);
        Assert.Equal((true, false, 2), (units[0].SelfOwned, units[0].Special, units[0].SubUnits.Length));
        Assert.Equal((Sector.Skole, true, (BoardId?)null), (units[1].Sector, units[1].Special, units[1].Board));
    }

    [Fact]
    public void RowErrorsCarryLineAndColumnAndNothingIsImported()
    {
        var problem = Fails(UnitCsvImport.Parse(Header +
            "dt-1,Dagtilbud Egebakken,dagtilbud,bu-chef-1,leder-dt-1,bestyrelse-dt-1,måske,,\n" +
            "sk-1,,skole,bu-chef-2,leder-sk-1,,ja,,\n" +
            "dt-1,Igen,hospital,bu-chef-1,leder,,,,\n" +
            "x.1,Afdeling,,,,,,,findes-ikke\n"), ProblemKind.Invalid);
        foreach (var field in new[] { "line 2: selfOwned", "line 3: name", "line 3: selfOwned", "line 4: id", "line 4: sector", "line 5: parent" })
            Assert.True(problem.HasViolation(field), field);
    }

    [Fact]
    public void HeaderMustNameTheRequiredColumns() =>
        Assert.True(Fails(UnitCsvImport.Parse("id,name\nu,U\n"), ProblemKind.Invalid).HasViolation("line 1: sector"));
}
