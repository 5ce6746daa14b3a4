using System.Text.Json.Serialization;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.Calendar;

/// <summary>
/// One two-year loop of an age area, named by the year its quality report is treated politically
/// ("0-6/2023", "6-18/2024"). The year must be a report year of the area.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<LoopId>))]
public readonly record struct LoopId : IStringValue<LoopId>, IComparable<LoopId>
{
    public LoopId(AgeArea area, int year)
    {
        if (!Enum.IsDefined(area)) throw new DomainInvariantException($"Unknown age area {area}.");
        if (year is < Period.MinYear or > Period.MaxYear) throw new DomainInvariantException($"Year {year} is out of range.");
        if (!area.IsQualityReportYear(year))
            throw new DomainInvariantException($"{year} is not a quality-report year for {area.Label()} (6-18 even, 0-6 odd).");
        Area = area;
        Year = year;
    }

    public AgeArea Area { get; }

    /// <summary>The year of the political treatment that starts the loop.</summary>
    public int Year { get; }

    public LoopId Next() => new(Area, Year + 2);

    public int CompareTo(LoopId other) => Year.CompareTo(other.Year);

    /// <summary>The loop running on <paramref name="date"/>: the latest treatment on or before it.</summary>
    public static LoopId Containing(AgeArea area, DateOnly date, MonthDay treatment)
    {
        var year = area.ReportYearAtOrBefore(date.Year);
        if (treatment.In(year) > date) year -= 2;
        return new LoopId(area, year);
    }

    public static LoopId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new DomainInvariantException($"'{text}' is not a loop id like 0-6/2023.");

    public static bool TryParse(string? text, out LoopId value)
    {
        value = default;
        var parts = text?.Split('/');
        if (parts is not [var a, var y] || !AgeAreaRules.TryParseLabel(a, out var area)) return false;
        if (!int.TryParse(y, out var year) || year is < Period.MinYear or > Period.MaxYear || !area.IsQualityReportYear(year)) return false;
        value = new LoopId(area, year);
        return true;
    }

    public override string ToString() => Year == 0 ? "" : $"{Area.Label()}/{Year}";
}
