using System.Text.Json;
using OrleansTilsyn.Grains.Domain;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Tests.Domain;

public sealed class ValueTypeTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" unit")]
    [InlineData("unit/1")]
    [InlineData("-unit")]
    [InlineData("enhed med mellemrum")]
    public void UnitIdCannotBeBuiltInvalid(string text)
    {
        Assert.False(UnitId.TryParse(text, out _));
        Assert.Throws<DomainInvariantException>(() => UnitId.Parse(text));
    }

    [Fact]
    public void QualityReportIsSixToEighteenInEvenYearsAndZeroToSixInOddYears()
    {
        Assert.True(AgeArea.SixToEighteen.IsQualityReportYear(2024));
        Assert.False(AgeArea.SixToEighteen.IsQualityReportYear(2023));
        Assert.True(AgeArea.ZeroToSix.IsQualityReportYear(2023));
        Assert.False(AgeArea.ZeroToSix.IsQualityReportYear(2024));
    }

    [Fact]
    public void LoopIdRejectsAYearThatIsNotAReportYearOfItsArea()
    {
        Assert.Throws<DomainInvariantException>(() => new LoopId(AgeArea.ZeroToSix, 2024));
        Assert.False(LoopId.TryParse("6-18/2023", out _));
        Assert.Equal(new LoopId(AgeArea.SixToEighteen, 2024), LoopId.Parse("6-18/2024"));
    }

    [Fact]
    public void SectorsMapToAgeAreas()
    {
        Assert.Equal(AgeArea.ZeroToSix, Sector.Dagtilbud.AgeArea());
        Assert.Equal(AgeArea.SixToEighteen, Sector.Skole.AgeArea());
        Assert.Equal(AgeArea.SixToEighteen, Sector.Fu.AgeArea());
    }

    [Fact]
    public void LoopContainingADateStartsAtTheLatestTreatment()
    {
        var treatment = new MonthDay(3, 31);
        Assert.Equal(new LoopId(AgeArea.ZeroToSix, 2021), LoopId.Containing(AgeArea.ZeroToSix, new DateOnly(2023, 3, 30), treatment));
        Assert.Equal(new LoopId(AgeArea.ZeroToSix, 2023), LoopId.Containing(AgeArea.ZeroToSix, new DateOnly(2023, 3, 31), treatment));
        Assert.Equal(new LoopId(AgeArea.SixToEighteen, 2024), LoopId.Containing(AgeArea.SixToEighteen, new DateOnly(2025, 12, 1), treatment));
    }

    [Fact]
    public void PeriodsAreOrderedAndRoundTripAsText()
    {
        var spring = Period.Parse("2023-Spring");
        Assert.Equal(new Period(2023, Season.Autumn), spring.Next());
        Assert.Equal(new Period(2022, Season.Autumn), spring.Previous());
        Assert.True(spring < spring.Next());
        Assert.Equal("2023-Spring", spring.ToString());
        Assert.False(Period.TryParse("2023-1", out _));
        Assert.False(Period.TryParse("1999-Spring", out _));
    }

    [Fact]
    public void MonthDayRejectsTheTwentyNinthOfFebruary() =>
        Assert.Throws<DomainInvariantException>(() => new MonthDay(2, 29));

    [Fact]
    public void ValueTypesAreWrittenAsJsonStringsAndDictionaryKeys()
    {
        var map = new Dictionary<UnitId, Period> { [UnitId.Parse("u-1")] = Period.Parse("2024-Autumn") };
        var json = JsonSerializer.Serialize(map);
        Assert.Equal("{\"u-1\":\"2024-Autumn\"}", json);
        Assert.Equal(map, JsonSerializer.Deserialize<Dictionary<UnitId, Period>>(json));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<UnitId>("\"bad id\""));
    }
}
