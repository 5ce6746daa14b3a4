using System.Globalization;
using System.Text;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.DataPackages;
using OrleansTilsyn.Grains.Domain.Import;
using OrleansTilsyn.Grains.Domain.Organisation;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

/// <summary>Imports are bounded: a file over its row or byte limit is refused whole on csvContent; one at the limit is read.</summary>
public sealed class ImportLimitTests
{
    private static string UnitsCsv(int rows, Func<int, string>? name = null)
    {
        var csv = new StringBuilder("id,name,sector,chief,leader,board\n");
        for (var i = 0; i < rows; i++) csv.Append(CultureInfo.InvariantCulture, $"u-{i},{name?.Invoke(i) ?? $"Enhed {i}"},skole,bu-chef-1,leder-u-{i},\n");
        return csv.ToString();
    }

    private static string PackageCsv(int rows)
    {
        var csv = new StringBuilder("unit;indicator;quality;value;groupSize\n");
        for (var i = 0; i < rows; i++) csv.Append(CultureInfo.InvariantCulture, $"unit-1;Indikator {i};outcome;{i},5;30\n");
        return csv.ToString();
    }

    private static void AssertRefused<T>(Result<T> result, string says)
    {
        var violation = Assert.Single(Fails(result, ProblemKind.Invalid).Violations);
        Assert.Equal((ImportLimits.Field, true), (violation.Field, violation.Description.Contains(says, StringComparison.Ordinal)));
    }

    [Fact]
    public void AUnitFileAtTheRowLimitIsReadAndOneRowMoreIsRefused()
    {
        Assert.Equal(ImportLimits.Units.MaxRows, Ok(UnitCsvImport.Parse(UnitsCsv(ImportLimits.Units.MaxRows))).Length);
        AssertRefused(UnitCsvImport.Parse(UnitsCsv(ImportLimits.Units.MaxRows + 1)), "more than 5,000 data rows");
    }

    [Fact]
    public void AUnitFileOverTheByteLimitIsRefusedBeforeItsRowsAreRead()
    {
        var large = UnitsCsv(ImportLimits.Units.MaxRows, i => $"\"{new string('x', 400)},{i}\"");
        Assert.True(Encoding.UTF8.GetByteCount(large) > ImportLimits.Units.MaxBytes);
        AssertRefused(UnitCsvImport.Parse(large), "at most 2,097,152 bytes");
        var broken = large.Replace("skole", "hospital", StringComparison.Ordinal);
        AssertRefused(UnitCsvImport.Parse(broken), "bytes");
    }

    [Fact]
    public void TheByteLimitCountsUtf8BytesNotCharacters()
    {
        var danish = "id,name\n" + new string('æ', ImportLimits.Units.MaxBytes / 2);
        Assert.True(danish.Length < ImportLimits.Units.MaxBytes);
        AssertRefused(UnitCsvImport.Parse(danish), "bytes");
    }

    [Fact]
    public void RowsBeyondTheLimitAreNotReadSoTheirErrorsAreNotReported()
    {
        var csv = UnitsCsv(ImportLimits.Units.MaxRows + 1) + "bad row,,,,,\n";
        AssertRefused(UnitCsvImport.Parse(csv), "more than 5,000 data rows");
    }

    [Fact]
    public void ADataPackageAtTheRowLimitIsReadAndOneRowMoreIsRefused()
    {
        var targets = DataPackageTargets.From([Unit()]);
        Result<DataPackageRelease> Parse(string csv) => DataPackageCsv.Parse(csv, Sector.Dagtilbud, Spring2023, targets, "forvaltning-1", At(2023, 2, 1));
        var atLimit = PackageCsv(ImportLimits.DataPackage.MaxRows);
        Assert.True(Encoding.UTF8.GetByteCount(atLimit) <= ImportLimits.DataPackage.MaxBytes);
        Assert.Equal(ImportLimits.DataPackage.MaxRows, Ok(Parse(atLimit)).Values.Length);
        AssertRefused(Parse(PackageCsv(ImportLimits.DataPackage.MaxRows + 1)), "more than 50,000 data rows");
        AssertRefused(Parse(atLimit + new string(' ', ImportLimits.DataPackage.MaxBytes)), "at most 3,670,016 bytes");
    }
}
