using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Reports;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;
using static OrleansTilsyn.Grains.Tests.Reports.ReportFixtures;

namespace OrleansTilsyn.Grains.Tests.Reports;

public sealed class ReportHtmlTests
{
    [Fact]
    public void PrintableHtmlEscapesUserText()
    {
        var hostile = Complete.Select(a => a.Question switch
        {
            "p2" => Text("p2", "<script>alert('x')</script> & \"mere\""),
            "b3" => No("b3", "<img src=x onerror=alert(1)>"),
            "b5" => new Answer("b5") { Attachment = "\"><script>alert(2)</script>" },
            _ => a,
        }).ToImmutableArray();
        var r = Ok(ReportCommands.Submit(Saved(hostile), SelfOwned, Supervision, "k", null, BoardOf(SelfOwned), At(2023, 10, 20))).Report;
        var html = ReportHtml.Render(r, Supervision, "Børnehuset <Solsikken>");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;mere&quot;", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("Børnehuset &lt;Solsikken&gt;", html);
    }

    [Fact]
    public void PrintableHtmlShowsReceiptTemplateVersionAndEveryAnswer()
    {
        var (report, receipt, _) = Submitted();
        var html = ReportHtml.Render(report, Supervision, "Børnehuset Solsikken");
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<html lang=\"da\">", html);
        Assert.Contains("@page { size: A4;", html);
        Assert.Contains("break-inside: avoid", html);
        Assert.Contains(receipt.ContentHash, html);
        Assert.Contains("20. oktober 2023 kl. 09:00 (UTC)", html);
        Assert.Contains("tilsyn-selvejende-dagtilbud</td>", html.Replace(", version 1", "</td>"));
        Assert.Contains("Kvittering", html);
        Assert.All(Supervision.Sections, s => Assert.Contains($"<h2>{s.Title}</h2>", html));
        Assert.Contains("<strong>Begrundelse:</strong> <span class=\"text\">Vurderingen opdateres i foråret.</span>", html);
        Assert.Contains("Fuldt efterlevet", html);
        Assert.Contains("dok:legeplads-2023-07", html);
        Assert.Contains("Ikke besvaret", html);
        Assert.Equal(Supervision.Questions.Count(), html.Split("<div class=\"q\">").Length - 1);
    }

    [Fact]
    public void PrintableHtmlOfACorrectionNamesItsReasonAndKeepsTheOriginalListed()
    {
        var changed = Complete.Select(a => a.Question == "p3" ? Text("p3", "Rettet tekst.") : a).ToImmutableArray();
        var r = Ok(ReportCommands.Correct(Submitted().Report, SelfOwned, Supervision, changed, "Forkert tal i første udgave", "ret",
            BoardOf(SelfOwned), At(2023, 11, 1, 13))).Report;
        var zone = TimeZoneInfo.CreateCustomTimeZone("test+1", TimeSpan.FromHours(1), "test", "test");
        var html = ReportHtml.Render(r, Supervision, "Enhed", zone: zone);
        Assert.Contains("2 (rettelse)", html);
        Assert.Contains("Forkert tal i første udgave", html);
        Assert.Contains("1. november 2023 kl. 14:00 (UTC+01:00)", html);
        Assert.Contains("Rettet tekst.", html);
        Assert.Equal(2, html.Split("<li>").Length - 1);
        Assert.Contains("Datapakken viser stabil trivsel.", ReportHtml.Render(r, Supervision, "Enhed", version: 1));
    }
}
