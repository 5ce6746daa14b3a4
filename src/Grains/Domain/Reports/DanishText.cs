using System.Globalization;
using System.Text;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>Danish dates and HTML-safe text for printouts, without depending on the host's culture data.</summary>
internal static class DanishText
{
    private static readonly string[] Months =
        ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

    /// <summary>"20. oktober 2023 kl. 11:00 (UTC+02:00)" in the given zone.</summary>
    public static string Time(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var offset = local.Offset == TimeSpan.Zero ? "UTC"
            : $"UTC{(local.Offset < TimeSpan.Zero ? "-" : "+")}{local.Offset.Duration():hh\\:mm}";
        return string.Create(CultureInfo.InvariantCulture, $"{local.Day}. {Months[local.Month - 1]} {local.Year} kl. {local:HH:mm} ({offset})");
    }

    /// <summary>Encodes &amp; &lt; &gt; " and ' so user text can never become markup.</summary>
    public static string Html(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var b = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            b.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }
        return b.ToString();
    }
}
