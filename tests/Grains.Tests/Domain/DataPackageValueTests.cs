using System.Globalization;
using System.Text;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.DataPackages;
using OrleansTilsyn.Grains.Domain.Import;
using OrleansTilsyn.Grains.Domain.Organisation;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

/// <summary>A data-package value is read exactly as the file writes it, with the one decimal separator of the file's delimiter.</summary>
public sealed class DataPackageValueTests
{
    private static readonly DataPackageTargets Targets = DataPackageTargets.From([Unit(), Unit(Sector.Skole, id: "skole-1")]);

    private static Result<DataPackageRelease> Parse(string csv) =>
        DataPackageCsv.Parse(csv, Sector.Dagtilbud, Spring2023, Targets, "forvaltning-1", At(2023, 2, 1));

    /// <summary>One row for unit-1 with the value as written (quoted when asked), in a file with that delimiter.</summary>
    private static string Row(char delimiter, string value, bool quoted = false) =>
        $"unit{delimiter}indicator{delimiter}quality{delimiter}value{delimiter}groupSize\n" +
        $"unit-1{delimiter}Andel pædagoger{delimiter}structural{delimiter}{(quoted ? $"\"{value}\"" : value)}{delimiter}30\n";

    [Theory]
    [InlineData(';', "12,5", "12.5")]
    [InlineData(',', "12.5", "12.5")]
    [InlineData(';', "-3,25", "-3.25")]
    [InlineData(',', "-3.25", "-3.25")]
    [InlineData(';', "0", "0")]
    [InlineData(',', "-0.0", "0.0")]
    [InlineData(';', "87", "87")]
    [InlineData(';', "0,0001", "0.0001")]
    [InlineData(',', "007.50", "7.50")]
    [InlineData(';', "1234567", "1234567")]
    public void AValueIsReadAsWrittenWithTheDecimalSeparatorOfItsFile(char delimiter, string written, string expected)
    {
        var value = Assert.Single(Ok(Parse(Row(delimiter, written))).Values).Value;
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData(';', "12.5", false, "'.'")]          // the probe's first case: read as 125 before
    [InlineData(',', "12,5", true, "','")]           // the probe's second case: read as 125 before
    [InlineData(';', "1.234,5", false, "'.'")]
    [InlineData(',', "1,234.5", true, "','")]
    [InlineData(';', "1 234", false, "not a number")]
    [InlineData(',', "1e3", false, "not a number")]
    [InlineData(',', "1E-2", false, "not a number")]
    [InlineData(';', "+5", false, "not a number")]
    [InlineData(';', "", false, "is required")]
    [InlineData(';', "12,5 %", false, "'%'")]
    [InlineData(',', "12.5%", false, "'%'")]
    [InlineData(';', ",5", false, "not a number")]
    [InlineData(';', "5,", false, "not a number")]
    [InlineData(';', "1,2,3", false, "not a number")]
    [InlineData(';', "--5", false, "not a number")]
    [InlineData(';', "(5)", false, "not a number")]
    [InlineData(';', "١٢", false, "not a number")]
    [InlineData(',', "12345678901234567890.123456789", false, "more than 28 digits")]
    [InlineData(';', "0,00000000000000000000000000001", false, "more than 28 digits")]
    public void AnAmbiguousOrForeignNumberIsARowErrorNamingLineAndColumn(char delimiter, string written, bool quoted, string says)
    {
        var problem = Fails(Parse(Row(delimiter, written, quoted)), ProblemKind.Invalid);
        var violation = Assert.Single(problem.Violations);
        Assert.Equal("line 2: value", violation.Field);
        Assert.Contains(says, violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnquotedDecimalCommaInACommaFileIsARowErrorNotAShiftedRow()
    {
        var problem = Fails(Parse("unit,indicator,quality,value,groupSize\nunit-1,Normering,structural,12,5,40\n"), ProblemKind.Invalid);
        Assert.Contains(problem.Violations, v => v.Field == "line 2: " && v.Description.Contains("6 fields", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(';')]
    [InlineData(',')]
    public void EveryDecimalWrittenWithTheFilesSeparatorIsReadBackExactly(char delimiter)
    {
        var random = new Random(11);
        var expected = new List<decimal> { 0m, -0.0001m, 0.0000000000000000000000000001m, 9999999999999999999999999999m, -999999999999999999.9999999999m, 100m, 12.50m };
        for (var i = 0; i < 2000; i++)
        {
            var mantissa = random.NextInt64(0, 1_000_000_000_000_000_000) / (long)Math.Pow(10, random.Next(0, 18));
            var scale = (byte)random.Next(0, 11);
            expected.Add(new decimal((int)(mantissa & 0xffffffff), (int)(mantissa >> 32), 0, mantissa != 0 && random.Next(2) == 0, scale));
        }

        var separator = delimiter == ';' ? "," : ".";
        var csv = new StringBuilder($"unit{delimiter}indicator{delimiter}quality{delimiter}value{delimiter}groupSize\n");
        var written = expected.Select(v => v.ToString(CultureInfo.InvariantCulture).Replace(".", separator, StringComparison.Ordinal)).ToArray();
        for (var i = 0; i < written.Length; i++) csv.Append(CultureInfo.InvariantCulture, $"unit-1{delimiter}Indikator {i}{delimiter}outcome{delimiter}{written[i]}{delimiter}30\n");

        var values = Ok(Parse(csv.ToString())).Values;
        Assert.Equal(expected, values.Select(v => v.Value));
        Assert.Equal(written, values.Select(v => v.Value.ToString(CultureInfo.InvariantCulture).Replace(".", separator, StringComparison.Ordinal)));
    }

    [Fact]
    public void ARowForAnotherSectorsUnitSaysWhichSectorTheUnitIsIn()
    {
        var problem = Fails(Parse("unit,indicator,quality,value,groupSize\nskole-1,Fravær,outcome,4.0,200\nskole-1.1,Fravær,outcome,4.0,20\n"), ProblemKind.Invalid);
        Assert.Equal("'skole-1' is a school (sector skole), not a dagtilbud unit: this is the dagtilbud package",
            Assert.Single(problem.Violations, v => v.Field == "line 2: unit").Description);
        Assert.Equal("'skole-1.1' is a sub-unit of 'skole-1', which is a school (sector skole), not a dagtilbud unit: this is the dagtilbud package",
            Assert.Single(problem.Violations, v => v.Field == "line 3: unit").Description);
    }
}
