using System.Collections.Concurrent;
using System.Diagnostics;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Telemetry;
using OrleansTilsyn.Gateway.Tests.Domain;
using OrleansTilsyn.Silo.Telemetry;

namespace OrleansTilsyn.Gateway.Tests.Telemetry;

public sealed class TraceTests
{
    private const string Unit = "telemetri-skole";
    private const string Csv = "id,name,sector,chief,leader,board\ntelemetri-skole,Telemetriskolen,skole,bu-chef-4,leder-telemetri-skole,\n";

    [Fact]
    public async Task AGatewayCallIsOneTraceThroughTheGrainCallsToTheStorageWriteAndTheReminderRegistration()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is GatewayTelemetry.Name or SiloTelemetry.Name or "Microsoft.AspNetCore" || TelemetryHostingExtensions.OrleansSources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var gateway = await DomainGateway.StartAsync();
        var result = await gateway.Client.CallAsync("/tilsyn.v1.Units/ImportUnits", new ImportUnitsRequest { CsvContent = Csv }, r =>
        {
            r.Headers.TryAddWithoutValidation("authorization", $"Bearer {gateway.Administration}");
            r.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        });
        Assert.Equal(StatusCode.OK, result.Status);

        var ours = spans.Where(s => s.TraceId == traceId).ToArray();
        var call = Assert.Single(ours, s => s.Source.Name == GatewayTelemetry.Name);
        Assert.Equal(("tilsyn.v1.Units/ImportUnits", "grpc", 0), (call.OperationName, call.GetTagItem("rpc.system"), call.GetTagItem("rpc.grpc.status_code")));
        var import = Assert.Single(ours, s => s.Kind == ActivityKind.Server && s.OperationName == "IOrganisationGrain/ImportUnitsAsync");
        Assert.True(IsBelow(import, call, ours), "the import's grain call runs inside the gateway call");
        var register = Assert.Single(ours, s => s.Kind == ActivityKind.Server && s.OperationName == "IUnitGrain/RegisterAsync"
            && Equals(s.GetTagItem("orleans.rpc.target_id"), $"unit/{Unit}"));
        Assert.True(IsBelow(register, import, ours), "the unit's registration runs inside the import's grain call");
        // The registration's write, and the write of the agenda items it made due already (applied before the call returns).
        var writes = ours.Where(s => s.OperationName == "write storage" && Equals(s.GetTagItem("orleans.grain.id"), $"unit/{Unit}")).ToArray();
        Assert.NotEmpty(writes);
        Assert.All(writes, write => Assert.Equal((ActivityKind.Client, register.SpanId), (write.Kind, write.ParentSpanId)));
        Assert.Contains(ours, s => s.OperationName == "IReminderService/RegisterOrUpdateReminder" && s.ParentSpanId == register.SpanId);
        Assert.Contains(gateway.Logs.Entries, e => e.Message.Contains("Change by", StringComparison.Ordinal) && e.TraceId == traceId.ToHexString());
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
