using System.Globalization;
using System.Text.Json.Serialization;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>
/// Identifies one written report and keys its grain: <c>{unit}/{purpose}/{occasion}</c>, e.g.
/// <c>unit-1/tilsyn/2023</c>, <c>unit-1/udtalelse-samtale/2023-Autumn</c>, <c>unit-1/udtalelse-kvalitetsrapport/2025</c>.
/// Derived, so opening "the 2023 report" twice reaches the same report.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<ReportId>))]
public readonly record struct ReportId : IStringValue<ReportId>
{
    private static readonly (ReportPurpose Purpose, string Word)[] Words =
    [
        (ReportPurpose.Supervision, "tilsyn"),
        (ReportPurpose.ConversationStatement, "udtalelse-samtale"),
        (ReportPurpose.QualityReportStatement, "udtalelse-kvalitetsrapport"),
    ];

    private ReportId(UnitId unit, ReportPurpose purpose, string occasion) => (Unit, Purpose, Occasion) = (unit, purpose, occasion);

    public UnitId Unit { get; }

    public ReportPurpose Purpose { get; }

    public string Occasion { get; }

    public static ReportId Supervision(UnitId unit, int year) => new(unit, ReportPurpose.Supervision, Year(year));

    public static ReportId ConversationStatement(UnitId unit, Period period) => new(unit, ReportPurpose.ConversationStatement, period.ToString());

    public static ReportId QualityReportStatement(UnitId unit, int year) => new(unit, ReportPurpose.QualityReportStatement, Year(year));

    public static ReportId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new DomainInvariantException($"'{text}' is not a report id like unit-1/tilsyn/2023.");

    public static bool TryParse(string? text, out ReportId value)
    {
        value = default;
        if (text?.Split('/') is not [var u, var word, var occasion] || !UnitId.TryParse(u, out var unit)) return false;
        var purpose = Words.Where(w => w.Word == word).Select(w => (ReportPurpose?)w.Purpose).FirstOrDefault();
        var valid = purpose switch
        {
            ReportPurpose.ConversationStatement => Period.TryParse(occasion, out var p) && p.ToString() == occasion,
            null => false,
            _ => int.TryParse(occasion, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
                && y is >= Period.MinYear and <= Period.MaxYear && Year(y) == occasion,
        };
        if (valid) value = new ReportId(unit, purpose!.Value, occasion);
        return valid;
    }

    public override string ToString() => Occasion is null ? "" : $"{Unit}/{WordOf(Purpose)}/{Occasion}";

    private static string WordOf(ReportPurpose purpose) => Words.First(w => w.Purpose == purpose).Word;

    private static string Year(int year) =>
        year is >= Period.MinYear and <= Period.MaxYear
            ? year.ToString(CultureInfo.InvariantCulture)
            : throw new DomainInvariantException($"Year {year} is outside {Period.MinYear}-{Period.MaxYear}.");
}
