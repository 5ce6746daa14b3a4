using OrleansTilsyn.Gateway.Hosting;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Security;
using OrleansTilsyn.Gateway.Tests.Domain;
using OrleansTilsyn.Gateway.Tests.Domain.Storage;
using OrleansTilsyn.Grains.Telemetry;

namespace OrleansTilsyn.Gateway.Tests.Telemetry;

public sealed class LoopHealthOperationsTests
{
    [Fact]
    public async Task TheSummaryTheLoopMeterAndTheHealthPageShowTheSameNumbers()
    {
        await using var gateway = await DomainGateway.StartAsync();
        var metrics = gateway.Services.GetRequiredService<LoopMetrics>();
        using var measured = new MeasuredValues(metrics.Meter);
        var operations = gateway.Token(CallerRole.Operations, "drift-1");

        var summary = await gateway.OkAsync("/tilsyn.v1.Operations/GetLoopHealthSummary", new GetLoopHealthSummaryRequest(), operations, LoopHealthSummary.Parser);
        var gauges = measured.ReadGauges();

        Assert.Equal(3, summary.BySector.Count);
        Assert.Equal(summary.BySector.Sum(s => s.UnitCount), summary.UnitCount);
        foreach (var sector in summary.BySector)
        {
            var tags = $"tilsyn.sector={SectorLabel(sector.Sector)},tilsyn.area={(sector.AgeArea == AgeArea.ZeroToSix ? "0-6" : "6-18")}";
            double G(string name) => gauges[$"{name}{{{tags}}}"];
            var c = sector.Counts;
            Assert.Equal(
                (sector.UnitCount, sector.UnitsWithOverdue, c.ConversationsDue, c.ConversationsHeld, c.ConversationsOverdue, c.OneToOnesDue, c.OneToOnesHeld, c.OneToOnesOverdue),
                ((int)G("tilsyn.loop.units"), (int)G("tilsyn.loop.units.with_overdue"), (int)G("tilsyn.loop.conversations.due"), (int)G("tilsyn.loop.conversations.held"),
                    (int)G("tilsyn.loop.conversations.overdue"), (int)G("tilsyn.loop.one_to_ones.due"), (int)G("tilsyn.loop.one_to_ones.held"), (int)G("tilsyn.loop.one_to_ones.overdue")));
            Assert.Equal(sector.OneToOneAdherence, G("tilsyn.loop.one_to_one.adherence"), 9);
            Assert.Equal((c.BoardReportsDue, c.BoardReportsOverdue, c.BoardReportsInReview, c.OpenAgreements, c.AgreementsPastDue),
                ((int)G("tilsyn.loop.board_reports.due"), (int)G("tilsyn.loop.board_reports.overdue"), (int)G("tilsyn.loop.board_reports.in_review"),
                    (int)G("tilsyn.loop.agreements.open"), (int)G("tilsyn.loop.agreements.past_due")));
            Assert.Equal((sector.DataPackages.Due, sector.DataPackages.Released, sector.DataPackages.Corrections),
                ((int)G("tilsyn.loop.data_packages.due"), (int)G("tilsyn.loop.data_packages.released"), (int)G("tilsyn.loop.data_packages.corrections")));
            Assert.Equal(Enum.GetValues<Contracts.Model.TaskKind>().Length, sector.TasksByKind.Count);
            foreach (var kind in sector.TasksByKind)
            {
                var kindName = ((Contracts.Model.TaskKind)((int)kind.Kind - 1)).ToString();
                Assert.Equal((kind.Open, kind.Overdue), ((int)gauges[$"tilsyn.loop.tasks.open{{{tags},tilsyn.task.kind={kindName}}}"],
                    (int)gauges[$"tilsyn.loop.tasks.overdue{{{tags},tilsyn.task.kind={kindName}}}"]));
            }
        }

        var page = await GetPageAsync(gateway, operations);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("text/html", page.ContentType, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"da\">", page.Body, StringComparison.Ordinal);
        Assert.Contains("<caption>Læringssamtaler</caption>", page.Body, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Dagtilbud (0-6 år)</th>", page.Body, StringComparison.Ordinal);
        Assert.Contains($"<tr><th scope=\"row\">Enheder</th>{string.Concat(summary.BySector.Select(s => $"<td>{s.UnitCount}</td>"))}<td>{summary.UnitCount}</td></tr>",
            page.Body, StringComparison.Ordinal);
        Assert.Contains($"<tr><th scope=\"row\">Overskredet (ikke afholdt i vinduet)</th>{string.Concat(summary.BySector.Select(s => $"<td>{s.Counts.ConversationsOverdue}</td>"))}<td>{summary.Totals.ConversationsOverdue}</td></tr>",
            page.Body, StringComparison.Ordinal);
        Assert.Contains("tjenesten er i drift", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("fu-egebakken", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AListenerGetsTheLoopGaugesWithoutAnyoneAskingTheApi()
    {
        await using var gateway = await DomainGateway.StartAsync(new Dictionary<string, string?> { ["Telemetry:Loop:Refresh"] = "00:00:00.100" });
        var metrics = gateway.Services.GetRequiredService<LoopMetrics>();
        using var measured = new MeasuredValues(metrics.Meter);

        Assert.True(await EventuallyAsync(() => Task.FromResult(metrics.Latest is not null)), "the monitor did not compute a report");
        var gauges = measured.ReadGauges();
        Assert.Equal(metrics.Latest!.Units, gauges.Where(g => g.Key.StartsWith("tilsyn.loop.units{", StringComparison.Ordinal)).Sum(g => g.Value));
        Assert.True(metrics.Latest.Units > 0);
    }

    [Fact]
    public async Task OnlyTheOperationsRoleMayReadTheHealthPage()
    {
        await using var gateway = await DomainGateway.StartAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetPageAsync(gateway, token: null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetPageAsync(gateway, gateway.Chief())).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetPageAsync(gateway, gateway.Administration)).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetPageAsync(gateway, gateway.Token(CallerRole.Operations, "drift-1"))).Status);
    }

    private static async Task<(int, string)> ReadinessAsync(DomainGateway gateway)
    {
        using var response = await gateway.Client.Http.GetAsync(new Uri(gateway.HttpAddress, GatewayApplication.ReadinessRoute));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthIsNotServingWhileTheStoreIsUnreachableAndServingWhenItIsBack()
    {
        var store = new UnreachableStorage();
        await using var gateway = await DomainGateway.StartAsync(storage: store.Wrap);
        Assert.Equal("SERVING", await gateway.HealthAsync());

        store.Reachable = false;
        Assert.True(await EventuallyAsync(async () => await gateway.HealthAsync() == "NOTSERVING"), "health did not turn NOT_SERVING");
        var page = await GetPageAsync(gateway, gateway.Token(CallerRole.Operations, "drift-1"));
        Assert.Contains("tjenesten er ikke i drift", page.Body, StringComparison.Ordinal);
        Assert.Contains(gateway.Logs.Entries, e => e.Message.Contains("NOT_SERVING", StringComparison.Ordinal));
        Assert.Equal((503, "Unhealthy"), await ReadinessAsync(gateway));

        store.Reachable = true;
        Assert.True(await EventuallyAsync(async () => await gateway.HealthAsync() == "SERVING"), "health did not turn SERVING again");
        Assert.Equal((200, "Healthy"), await ReadinessAsync(gateway));
    }

    private static string SectorLabel(Sector sector) => sector switch
    {
        Sector.Dagtilbud => "dagtilbud",
        Sector.Skole => "skole",
        _ => "fu",
    };

    private static async Task<(HttpStatusCode Status, string ContentType, string Body)> GetPageAsync(DomainGateway gateway, string? token)
    {
        using var http = new HttpClient { BaseAddress = gateway.HttpAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ops/health");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Polls until the condition holds, for at most 20 seconds (the store probe runs every 5).</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition()) return true;
            await Task.Delay(200);
        }

        return false;
    }
}
