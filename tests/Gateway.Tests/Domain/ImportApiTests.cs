using System.Globalization;
using System.Text;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests.Domain;

/// <summary>
/// ImportUnits and ImportDataPackageRelease through a real gRPC client: data-package values are released
/// exactly as the file writes them, and files over an import's row or byte limit are INVALID_ARGUMENT on
/// csv_content with nothing stored.
/// </summary>
public sealed class ImportApiTests(DomainGatewayFixture fixture) : IClassFixture<DomainGatewayFixture>
{
    private const string ImportPackage = "/tilsyn.v1.DataPackages/ImportDataPackageRelease";
    private const string GetPackage = "/tilsyn.v1.DataPackages/GetUnitDataPackage";
    private const string ImportUnits = "/tilsyn.v1.Units/ImportUnits";

    private DomainGateway Gateway => fixture.Gateway;

    private static ImportDataPackageReleaseRequest Package(string period, string csv, bool validateOnly = false) =>
        new() { Parent = "sectors/dagtilbud", Period = period, CsvContent = csv, ValidateOnly = validateOnly };

    private static Google.Rpc.BadRequest.Types.FieldViolation Violation(GrpcResult result)
    {
        Assert.Equal(StatusCode.InvalidArgument, result.Status);
        return Assert.Single(Assert.Single(result.StatusDetails()!.Details).Unpack<Google.Rpc.BadRequest>().FieldViolations);
    }

    private static string UnitsCsv(int rows)
    {
        var csv = new StringBuilder("id,name,sector,chief,leader,board\n");
        for (var i = 0; i < rows; i++) csv.Append(CultureInfo.InvariantCulture, $"graense-{i},Grænseskolen {i},skole,bu-chef-2,leder-graense-{i},\n");
        return csv.ToString();
    }

    [Theory]
    [InlineData("2024-Autumn", ';', "12,5", "-3,25")]
    [InlineData("2024-Spring", ',', "12.5", "-3.25")]
    public async Task DataPackageValuesAreReleasedAsWrittenWithTheFilesDecimalSeparator(string period, char d, string first, string second)
    {
        var csv = $"unit{d}indicator{d}quality{d}value{d}groupSize\nstrandens-dagtilbud{d}Andel pædagoger{d}structural{d}{first}{d}40\n" +
            $"strandens-dagtilbud{d}Ændring i fravær{d}outcome{d}{second}{d}40\n";
        await Gateway.OkAsync(ImportPackage, Package(period, csv), Gateway.Administration, ImportDataPackageReleaseResponse.Parser);

        var package = await Gateway.OkAsync(GetPackage, new GetUnitDataPackageRequest { Name = $"units/strandens-dagtilbud/dataPackages/{period}" },
            Gateway.Administration, UnitDataPackage.Parser);

        Assert.Equal(["12.5", "-3.25"], package.Indicators.Select(i => i.Value));
    }

    [Theory]
    [InlineData("unit;indicator;quality;value;groupSize\nstrandens-dagtilbud;Normering;structural;12.5;40\n")]
    [InlineData("unit,indicator,quality,value,groupSize\nstrandens-dagtilbud,Normering,structural,\"12,5\",40\n")]
    [InlineData("unit;indicator;quality;value;groupSize\nstrandens-dagtilbud;Normering;structural;1.234,5;40\n")]
    public async Task ADataPackageValueWithTheOtherSeparatorIsInvalidArgumentOnItsLineAndNothingIsReleased(string csv)
    {
        var result = await Gateway.CallAsync(ImportPackage, Package("2023-Autumn", csv), Gateway.Administration);
        var missing = await Gateway.CallAsync(GetPackage, new GetUnitDataPackageRequest { Name = "units/strandens-dagtilbud/dataPackages/2023-Autumn" }, Gateway.Administration);

        Assert.Equal("line 2: value", Violation(result).Field);
        Assert.Equal(StatusCode.NotFound, missing.Status);
    }

    [Fact]
    public async Task ValidatingADataPackageRowOfASchoolSaysItIsASchool()
    {
        var csv = "unit;indicator;quality;value;groupSize\nlangagerskolen;Normering;structural;5,5;40\n";
        var response = await Gateway.OkAsync(ImportPackage, Package("2023-Spring", csv, validateOnly: true), Gateway.Administration,
            ImportDataPackageReleaseResponse.Parser);

        var error = Assert.Single(response.RowErrors);
        Assert.Equal((2, "unit"), (error.Line, error.Column));
        Assert.StartsWith("'langagerskolen' is a school (sector skole), not a dagtilbud unit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AUnitImportOverTheRowLimitIsInvalidArgumentOnCsvContentAndImportsNothing(bool validateOnly)
    {
        var result = await Gateway.CallAsync(ImportUnits, new ImportUnitsRequest { CsvContent = UnitsCsv(5_001), ValidateOnly = validateOnly }, Gateway.Administration);
        var first = await Gateway.CallAsync("/tilsyn.v1.Units/GetUnit", new GetUnitRequest { Name = "units/graense-0" }, Gateway.Administration);

        var violation = Violation(result);
        Assert.Equal(("csv_content", "has more than 5,000 data rows; a unit import takes at most 5,000"), (violation.Field, violation.Description));
        Assert.Equal(StatusCode.NotFound, first.Status);
    }

    [Fact]
    public async Task AUnitImportOverTheByteLimitIsInvalidArgumentOnCsvContent()
    {
        var csv = "id,name,sector,chief,leader,board\n" + string.Concat(Enumerable.Repeat("graense-x,\"" + new string('ø', 1000) + "\",skole,bu-chef-2,leder-x,\n", 1100));

        var violation = Violation(await Gateway.CallAsync(ImportUnits, new ImportUnitsRequest { CsvContent = csv }, Gateway.Administration));

        Assert.Equal("csv_content", violation.Field);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"is {Encoding.UTF8.GetByteCount(csv):N0} bytes; a unit import takes at most 2,097,152 bytes"), violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADataPackageOverTheRowLimitIsInvalidArgumentOnCsvContent()
    {
        var csv = new StringBuilder("unit;indicator;quality;value;groupSize\n");
        for (var i = 0; i <= 50_000; i++) csv.Append(CultureInfo.InvariantCulture, $"strandens-dagtilbud;Indikator {i};outcome;1,5;40\n");

        var violation = Violation(await Gateway.CallAsync(ImportPackage, Package("2022-Autumn", csv.ToString()), Gateway.Administration));

        Assert.Equal(("csv_content", "has more than 50,000 data rows; a data-package release takes at most 50,000"), (violation.Field, violation.Description));
    }
}
