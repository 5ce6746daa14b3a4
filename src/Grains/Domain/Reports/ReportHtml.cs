using System.Globalization;
using System.Text;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>
/// A submitted report as one standalone HTML document for the board's own records: A4 print CSS, Danish
/// labels, the receipt (time, submitter, template version, SHA-256), every section and answer, and the
/// list of submitted versions. Every text from users or templates is HTML-encoded.
/// </summary>
public static class ReportHtml
{
    /// <param name="version">The submitted version to print; the latest (correction in force) when null.</param>
    /// <param name="zone">Zone for the printed times; UTC when null.</param>
    public static string Render(WrittenReport r, ReportTemplate t, string unitName, int? version = null, TimeZoneInfo? zone = null)
    {
        if (t.Ref != r.Template) throw new DomainInvariantException($"Report {r.Id} is written on {r.Template}, not {t.Ref}.");
        var s = (version is { } v ? r.FindSubmission(v) : r.Current)
            ?? throw new DomainInvariantException($"Report {r.Id} has no submitted version {version?.ToString(CultureInfo.InvariantCulture) ?? "yet"}.");
        zone ??= TimeZoneInfo.Utc;
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(H(t.Title)).Append(" – ").Append(H(unitName)).Append("</title>\n")
            .Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<header>\n")
            .Append("<h1>").Append(H(t.Title)).Append("</h1>\n")
            .Append("<p class=\"unit\">").Append(H(unitName)).Append("</p>\n</header>\n");
        Receipt(b, s.Receipt, zone);
        foreach (var section in t.Sections) Section(b, section, s);
        Versions(b, r, zone);
        return b.Append("</body>\n</html>\n").ToString();
    }

    private static void Receipt(StringBuilder b, SubmissionReceipt x, TimeZoneInfo zone)
    {
        b.Append("<section class=\"receipt\">\n<h2>Kvittering</h2>\n<table>\n");
        Row(b, "Rapport", H(x.Report.ToString()));
        Row(b, "Version", x.IsCorrection ? $"{x.Version} (rettelse)" : $"{x.Version} (indsendelse)");
        Row(b, "Indsendt", H(DanishText.Time(x.SubmittedAt, zone)));
        Row(b, "Indsendt af", H(x.SubmittedBy));
        Row(b, "Skabelon", $"{H(x.Template.Id)}, version {x.Template.Version}");
        Row(b, "Indholdets SHA-256", $"<span class=\"hash\">{H(x.ContentHash)}</span>");
        if (x.CorrectionReason is { } reason) Row(b, "Årsag til rettelse", $"<span class=\"text\">{H(reason)}</span>");
        b.Append("</table>\n</section>\n");
    }

    private static void Section(StringBuilder b, TemplateSection section, ReportSubmission s)
    {
        b.Append("<section>\n<h2>").Append(H(section.Title)).Append("</h2>\n");
        foreach (var q in section.Questions)
        {
            var a = s.Answers.FirstOrDefault(x => x.Question == q.Id);
            b.Append("<div class=\"q\">\n<p class=\"question\">").Append(H(q.Text)).Append("</p>\n");
            Answer(b, q, a);
            b.Append("</div>\n");
        }
        b.Append("</section>\n");
    }

    private static void Answer(StringBuilder b, TemplateQuestion q, Answer? a)
    {
        var value = q.Kind switch
        {
            AnswerKind.YesNo => a?.Yes is { } yes ? (yes ? "Ja" : "Nej") : null,
            AnswerKind.Text => a?.Text is { } text ? $"<span class=\"text\">{H(text)}</span>" : null,
            AnswerKind.Choice => a?.Choice is { } choice ? H(q.FindOption(choice)?.Label ?? choice) : null,
            _ => a?.Attachment is { } reference ? $"Bilagsreference: <span class=\"ref\">{H(reference)}</span>" : null,
        };
        b.Append("<p class=\"answer\">").Append(value ?? "<span class=\"missing\">Ikke besvaret</span>").Append("</p>\n");
        if (a?.Explanation is { } explanation)
            b.Append("<p class=\"explanation\"><strong>Begrundelse:</strong> <span class=\"text\">").Append(H(explanation)).Append("</span></p>\n");
    }

    private static void Versions(StringBuilder b, WrittenReport r, TimeZoneInfo zone)
    {
        b.Append("<section class=\"versions\">\n<h2>Indsendte versioner</h2>\n<ol>\n");
        foreach (var x in r.Submissions.Select(s => s.Receipt))
        {
            b.Append("<li>").Append(H(DanishText.Time(x.SubmittedAt, zone))).Append(", ").Append(H(x.SubmittedBy))
                .Append(x.IsCorrection ? $" – rettelse: {H(x.CorrectionReason)}" : " – indsendelse")
                .Append(" <span class=\"hash\">").Append(H(x.ContentHash[..12])).Append("…</span></li>\n");
        }
        b.Append("</ol>\n</section>\n");
    }

    private static void Row(StringBuilder b, string label, string html) =>
        b.Append("<tr><th>").Append(H(label)).Append("</th><td>").Append(html).Append("</td></tr>\n");

    private static string H(string? text) => DanishText.Html(text);

    private const string Css = """
        @page { size: A4; margin: 20mm 18mm 22mm; }
        html { font: 11pt/1.45 "Helvetica Neue", Arial, sans-serif; color: #111; background: #fff; }
        body { max-width: 174mm; margin: 0 auto; }
        h1 { font-size: 18pt; margin: 0 0 2mm; }
        h2 { font-size: 13.5pt; margin: 8mm 0 3mm; padding-bottom: 1mm; border-bottom: 0.4mm solid #333; break-after: avoid; page-break-after: avoid; }
        .unit { margin: 0 0 6mm; font-size: 12pt; }
        .receipt { border: 0.3mm solid #555; padding: 0 4mm 3mm; break-inside: avoid; page-break-inside: avoid; }
        .receipt h2 { border: 0; margin-top: 3mm; }
        table { border-collapse: collapse; }
        th { text-align: left; vertical-align: top; font-weight: 600; padding: 0.6mm 5mm 0.6mm 0; white-space: nowrap; }
        td { padding: 0.6mm 0; }
        .hash, .ref { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 9pt; word-break: break-all; }
        .q { margin: 0 0 4mm; break-inside: avoid; page-break-inside: avoid; }
        .question { font-weight: 600; margin: 0 0 1mm; }
        .answer, .explanation { margin: 0 0 1mm; }
        .text { white-space: pre-wrap; }
        .missing { color: #555; font-style: italic; }
        .versions { font-size: 9.5pt; break-inside: avoid; page-break-inside: avoid; }
        @media screen { body { margin: 12mm auto; padding: 0 6mm; } }
        @media print { a { color: inherit; text-decoration: none; } }

        """;
}
