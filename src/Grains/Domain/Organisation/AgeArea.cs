namespace OrleansTilsyn.Grains.Domain.Organisation;

public static class AgeAreaRules
{
    /// <summary>Quality report: 6-18 in even years, 0-6 in odd years.</summary>
    public static bool IsQualityReportYear(this AgeArea area, int year) => area switch
    {
        AgeArea.SixToEighteen => year % 2 == 0,
        AgeArea.ZeroToSix => year % 2 != 0,
        _ => false,
    };

    /// <summary>The latest quality-report year of the area that is not after <paramref name="year"/>.</summary>
    public static int ReportYearAtOrBefore(this AgeArea area, int year) =>
        area.IsQualityReportYear(year) ? year : year - 1;

    public static string Label(this AgeArea area) => area == AgeArea.ZeroToSix ? "0-6" : "6-18";

    public static bool TryParseLabel(string? text, out AgeArea area)
    {
        area = text == "6-18" ? AgeArea.SixToEighteen : AgeArea.ZeroToSix;
        return text is "0-6" or "6-18";
    }
}
