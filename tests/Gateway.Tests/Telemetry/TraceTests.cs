using System.Collections.Concurrent;
using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Telemetry;
using OrleansTilsyn.Gateway.Tests.Domain;
using OrleansTilsyn.Silo.Reminders;
using OrleansTilsyn.Silo.Telemetry;
using OrleansTilsyn.Silo.Testing;

namespace OrleansTilsyn.Gateway.Tests.Telemetry;

public sealed class TraceTests
{
    private const string Unit = "telemetri-skole";
    private const string Csv = "id,name,sector,chief,leader,board\ntelemetri-skole,Telemetriskolen,skole,bu-chef-4,leder-telemetri-skole,\n";

    [Fact]
    public async Task AGatewayCallIsOneTraceThroughTheGrainCallToTheStorageWriteAndTheReminderItRegisteredLinksBackToIt()
    {
        var clock = new ManualClock(DomainGateway.Start);
        var traceId = ActivityTraceId.CreateRandom();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is GatewayTelemetry.Name or SiloTelemetry.Name or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var gateway = await DomainGateway.StartAsync(
            new Dictionary<string, string?> { ["Clock:Start"] = null }, services: s => s.AddSingleton<TimeProvider>(clock));
        var result = await gateway.Client.CallAsync("/tilsyn.v1.Units/ImportUnits", new ImportUnitsRequest { CsvContent = Csv }, r =>
        {
            r.Headers.TryAddWithoutValidation("authorization", $"Bearer {gateway.Administration}");
            r.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        });
        Assert.Equal(StatusCode.OK, result.Status);

        var ours = spans.Where(s => s.TraceId == traceId).ToArray();
        var call = Assert.Single(ours, s => s.Source.Name == GatewayTelemetry.Name);
        Assert.Equal(("tilsyn.v1.Units/ImportUnits", "grpc", 0), (call.OperationName, call.GetTagItem("rpc.system"), call.GetTagItem("rpc.grpc.status_code")));
        var import = Assert.Single(ours, s => s.OperationName == "organisation/ImportUnitsAsync");
        Assert.Equal(call.SpanId, import.ParentSpanId);
        var register = Assert.Single(ours, s => s.OperationName == "unit/RegisterAsync" && Equals(s.GetTagItem("tilsyn.grain.key"), Unit));
        Assert.True(IsBelow(register, import, ours), "the unit's registration runs inside the import's grain call");
        var write = Assert.Single(ours, s => s.OperationName == "storage write unit" && s.ParentSpanId == register.SpanId);
        Assert.Equal((ActivityKind.Client, Unit), (write.Kind, write.GetTagItem("tilsyn.grain.key")));
        Assert.Contains(gateway.Logs.Entries, e => e.Message.Contains("Change by", StringComparison.Ordinal) && e.TraceId == traceId.ToHexString());

        var registered = (await gateway.Store.ListRemindersAsync(new GrainId("unit", Unit), CancellationToken.None))
            .Where(r => r.TraceParent == $"00-{traceId}-{register.SpanId}-01").OrderBy(r => r.DueAt).ToArray();
        Assert.NotEmpty(registered);
        if (registered[0].DueAt > clock.GetUtcNow()) clock.SetUtcNow(registered[0].DueAt);
        await gateway.Services.GetRequiredService<ReminderService>().DeliverDueAsync();

        var delivery = Assert.Single(spans, s => s.OperationName == "reminder unit" && Equals(s.GetTagItem("tilsyn.reminder.name"), registered[0].Name)
            && Equals(s.GetTagItem("tilsyn.grain.key"), Unit));
        Assert.NotEqual(traceId, delivery.TraceId);
        var link = Assert.Single(delivery.Links);
        Assert.Equal((traceId, register.SpanId), (link.Context.TraceId, link.Context.SpanId));
        Assert.Contains(spans, s => s.OperationName == "unit/ReceiveReminderAsync" && s.ParentSpanId == delivery.SpanId);
    }

    /// <summary>Whether <paramref name="ancestor"/> is on <paramref name="span"/>'s parent chain.</summary>
    private static bool IsBelow(Activity span, Activity ancestor, Activity[] trace)
    {
        for (var parent = span.ParentSpanId; parent != default;)
        {
            if (parent == ancestor.SpanId) return true;
            parent = trace.FirstOrDefault(s => s.SpanId == parent)?.ParentSpanId ?? default;
        }

        return false;
    }
}
