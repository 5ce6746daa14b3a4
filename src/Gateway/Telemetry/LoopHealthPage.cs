using System.Globalization;
using System.Text;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Grains.Telemetry;

namespace OrleansTilsyn.Gateway.Telemetry;

/// <summary>
/// The operations health page: the loop health report as plain, accessible HTML in Danish (a heading
/// per part, tables with captions and header cells, numbers in Danish format). Counts only.
/// </summary>
public static class LoopHealthPage
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static string Render(LoopHealthReport report, bool serving)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Læringsloopets sundhed</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:1rem 2rem;color:#111;background:#fff}")
            .Append("table{border-collapse:collapse;margin:0 0 1.5rem}th,td{border:1px solid #555;padding:.3rem .6rem}")
            .Append("td{text-align:right}caption{text-align:left;font-weight:bold;padding:.3rem 0}.fejl{color:#8b0000}</style>\n")
            .Append("</head>\n<body>\n<main>\n<h1>Læringsloopets sundhed</h1>\n");
        html.Append("<p>Beregnet <time datetime=\"").Append(report.ComputedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)).Append("\">")
            .Append(Encode(report.ComputedAt.UtcDateTime.ToString("d. MMMM yyyy 'kl.' HH:mm 'UTC'", Danish))).Append("</time>. ")
            .Append("Kun antal: ingen enheder, personer eller mødeindhold.</p>\n");
        html.Append(serving
            ? "<p role=\"status\">Lageret svarer: tjenesten er i drift.</p>\n"
            : "<p role=\"alert\" class=\"fejl\">Lageret svarer ikke: tjenesten er ikke i drift.</p>\n");

        var columns = report.Sectors.Select(s => $"{SectorName(s.Sector)} ({AreaName(s.Area)})").Append("I alt").ToArray();
        var totals = report.Totals;
        Table(html, "Enheder", columns,
            Row("Enheder", report.Sectors.Select(s => s.Units), report.Units),
            Row("Enheder med noget overskredet", report.Sectors.Select(s => s.UnitsWithOverdue), report.UnitsWithOverdue));
        Table(html, "Læringssamtaler", columns,
            Row("Forfaldne (vinduet er lukket)", report.Sectors.Select(s => s.Counts.ConversationsDue), totals.ConversationsDue),
            Row("Afholdt", report.Sectors.Select(s => s.Counts.ConversationsHeld), totals.ConversationsHeld),
            Row("Overskredet (ikke afholdt i vinduet)", report.Sectors.Select(s => s.Counts.ConversationsOverdue), totals.ConversationsOverdue));
        Table(html, "1:1-opfølgninger", columns,
            Row("Forfaldne", report.Sectors.Select(s => s.Counts.OneToOnesDue), totals.OneToOnesDue),
            Row("Afholdt", report.Sectors.Select(s => s.Counts.OneToOnesHeld), totals.OneToOnesHeld),
            Row("Overskredet", report.Sectors.Select(s => s.Counts.OneToOnesOverdue), totals.OneToOnesOverdue),
            ("Kadence overholdt", [.. report.Sectors.Select(s => Percent(s.OneToOneAdherence)), Percent(LoopHealthSum.Adherence(totals))]));
        Table(html, "Opgaver pr. type (åbne / overskredne)", columns,
            [.. Enum.GetValues<TaskKind>().Select(kind => (TaskKindName(kind),
                report.Sectors.Select(s => TaskCell(s.Counts, kind)).Append(TaskCell(totals, kind)).ToArray()))]);
        Table(html, "Bestyrelsernes tilsynsrapporter", columns,
            Row("Forfaldne (ikke indsendt)", report.Sectors.Select(s => s.Counts.BoardReportsDue), totals.BoardReportsDue),
            Row("Overskredet", report.Sectors.Select(s => s.Counts.BoardReportsOverdue), totals.BoardReportsOverdue),
            Row("Til gennemsyn hos chefen", report.Sectors.Select(s => s.Counts.BoardReportsInReview), totals.BoardReportsInReview));
        Table(html, "Aftaler", columns,
            Row("Åbne", report.Sectors.Select(s => s.Counts.OpenAgreements), totals.OpenAgreements),
            Row("Over fristen", report.Sectors.Select(s => s.Counts.AgreementsPastDue), totals.AgreementsPastDue));
        var packages = report.DataPackages;
        Table(html, "Datapakker", columns,
            Row("Forfaldne", report.Sectors.Select(s => s.DataPackages.Due), packages.Due),
            Row("Udgivet", report.Sectors.Select(s => s.DataPackages.Released), packages.Released),
            Row("Mangler", report.Sectors.Select(s => s.DataPackages.Missing), packages.Missing),
            Row("Rettelser", report.Sectors.Select(s => s.DataPackages.Corrections), packages.Corrections));
        var tardiness = report.ReminderTardiness;
        Table(html, "Påmindelser leveret siden start", columns,
            ("Leveret", [.. report.Sectors.Select(s => Number(s.ReminderTardiness.Delivered)), Number(tardiness.Delivered)]),
            ("Gennemsnitlig forsinkelse", [.. report.Sectors.Select(s => Duration(s.ReminderTardiness.MeanSeconds)), Duration(tardiness.MeanSeconds)]),
            ("Største forsinkelse", [.. report.Sectors.Select(s => Duration(s.ReminderTardiness.MaxSeconds)), Duration(tardiness.MaxSeconds)]));
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    public static string SectorName(Sector sector) => sector switch
    {
        Sector.Dagtilbud => "Dagtilbud",
        Sector.Skole => "Skole",
        _ => "FU",
    };

    public static string AreaName(AgeArea area) => area == AgeArea.ZeroToSix ? "0-6 år" : "6-18 år";

    public static string TaskKindName(TaskKind kind) => kind switch
    {
        TaskKind.PrepareConversation => "Forbered læringssamtale",
        TaskKind.ScheduleConversation => "Planlæg læringssamtale",
        TaskKind.HoldConversation => "Afhold læringssamtale",
        TaskKind.WriteMinutes => "Skriv referat",
        TaskKind.ChooseFocusAreas => "Vælg lokale fokusområder",
        TaskKind.CompileFocusAreaOverview => "Saml overblik over fokusområder",
        TaskKind.HoldOneToOne => "Afhold 1:1-opfølgning",
        TaskKind.SubmitBoardReport => "Indsend tilsynsrapport",
        TaskKind.ReviewBoardReport => "Gennemgå tilsynsrapport",
        TaskKind.HoldBoardFollowUpMeeting => "Afhold opfølgningsmøde med bestyrelsen",
        _ => "Opsamling",
    };

    private static (string Label, string[] Cells) Row(string label, IEnumerable<int> sectors, int total) =>
        (label, [.. sectors.Select(v => Number(v)), Number(total)]);

    private static string TaskCell(LoopHealthDto counts, TaskKind kind)
    {
        var t = counts.TasksByKind.FirstOrDefault(k => k.Kind == kind);
        return $"{Number(t?.Open ?? 0)} / {Number(t?.Overdue ?? 0)}";
    }

    private static void Table(StringBuilder html, string caption, string[] columns, params (string Label, string[] Cells)[] rows)
    {
        html.Append("<table>\n<caption>").Append(Encode(caption)).Append("</caption>\n<thead><tr><td></td>");
        foreach (var column in columns) html.Append("<th scope=\"col\">").Append(Encode(column)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var (label, cells) in rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(Encode(label)).Append("</th>");
            foreach (var cell in cells) html.Append("<td>").Append(Encode(cell)).Append("</td>");
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string Number(long value) => value.ToString("N0", Danish);

    private static string Percent(double share) => (share * 100).ToString("0", Danish) + " %";

    private static string Duration(double seconds) => seconds switch
    {
        < 60 => $"{seconds.ToString("0", Danish)} s",
        < 3600 => $"{(seconds / 60).ToString("0.#", Danish)} min",
        < 86400 => $"{(seconds / 3600).ToString("0.#", Danish)} timer",
        _ => $"{(seconds / 86400).ToString("0.#", Danish)} døgn",
    };

    /// <summary>Escapes markup only; Danish letters stay as they are (the page is UTF-8).</summary>
    private static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
