using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Security;
using OrleansTilsyn.Gateway.Telemetry;
using OrleansTilsyn.Gateway.Tests.Domain;

namespace OrleansTilsyn.Gateway.Tests.Telemetry;

public sealed class OtlpExportTests
{
    private static readonly string[] OtelKeys =
    [
        "OTEL_SDK_DISABLED", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES",
        "OTEL_TRACES_EXPORTER", "OTEL_METRICS_EXPORTER", "OTEL_LOGS_EXPORTER", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
        "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT",
    ];

    [Fact]
    public async Task TracesMetricsAndLogsReachTheOtlpEndpointTheEnvironmentNamesAndASignalSetToNoneStaysHome()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var settings = Unset();
        settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint;
        settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        settings["OTEL_SERVICE_NAME"] = "tilsyn-otlp-test";
        settings["OTEL_LOGS_EXPORTER"] = "none";
        var gateway = await DomainGateway.StartAsync(settings);
        try
        {
            Assert.Equal(new OtelExportSettings(true, true, false, []), gateway.Services.GetRequiredService<OtelExportSettings>() with { Unsupported = [] });
            var summary = await gateway.OkAsync("/tilsyn.v1.Operations/GetLoopHealthSummary", new GetLoopHealthSummaryRequest(),
                gateway.Token(CallerRole.Operations, "drift-1"), LoopHealthSummary.Parser);
            Assert.True(summary.UnitCount > 0);
        }
        finally
        {
            await gateway.DisposeAsync();
        }

        Assert.True(receiver.Received("traces", "tilsyn.v1.Operations/GetLoopHealthSummary"), "the gateway span was exported");
        Assert.True(receiver.Received("traces", "IUnitGrain/GetHealthAsync"), "the grain call spans were exported");
        Assert.True(receiver.Received("traces", "tilsyn-otlp-test"), "OTEL_SERVICE_NAME names the service");
        Assert.True(receiver.Received("metrics", "tilsyn.loop.conversations.overdue"), "the Loop meter was exported");
        Assert.True(receiver.Received("metrics", "orleans-catalog-activations"), "the silo meter (Orleans' runtime) was exported");
        Assert.Empty(receiver.Bodies("logs"));
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.Level >= LogLevel.Warning && e.Category.StartsWith("OpenTelemetry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OverOtlpGrpcByDefaultLogsArriveWithTheTraceIdOfTheCallThatWroteThem()
    {
        await using var receiver = await OtlpReceiver.StartAsync(grpc: true);
        var settings = Unset();
        settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint;
        var traceId = ActivityTraceId.CreateRandom();
        var gateway = await DomainGateway.StartAsync(settings);
        try
        {
            var result = await gateway.Client.CallAsync("/tilsyn.v1.Units/ImportUnits",
                new ImportUnitsRequest { CsvContent = "id,name,sector,chief,leader,board\notlp-skole,OTLP-skolen,skole,bu-chef-4,leder-otlp-skole,\n" }, r =>
                {
                    r.Headers.TryAddWithoutValidation("authorization", $"Bearer {gateway.Administration}");
                    r.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
                });
            Assert.Equal(StatusCode.OK, result.Status);
        }
        finally
        {
            await gateway.DisposeAsync();
        }

        var rawTraceId = Convert.FromHexString(traceId.ToHexString());
        Assert.True(receiver.Received("traces", "tilsyn.v1.Units/ImportUnits"), "the call's span was exported over gRPC");
        Assert.True(receiver.Received("traces", rawTraceId), "the spans carry the caller's trace id");
        Assert.True(receiver.Received("logs", "Change by {Person} as {Actor}: {Method} (request_id '{RequestId}')"), "the change was logged to OTLP");
        Assert.True(receiver.Received("logs", rawTraceId), "the log record carries the trace id");
        Assert.True(receiver.Received("metrics", "orleans-catalog-activations"), "metrics were exported over gRPC");
    }

    [Fact]
    public async Task WithoutOtelVariablesNothingIsBuiltAndNothingIsLogged()
    {
        await using var gateway = await DomainGateway.StartAsync(Unset());
        await gateway.OkAsync("/tilsyn.v1.Operations/GetLoopHealthSummary", new GetLoopHealthSummaryRequest(),
            gateway.Token(CallerRole.Operations, "drift-1"), LoopHealthSummary.Parser);

        Assert.False(gateway.Services.GetRequiredService<OtelExportSettings>().Any);
        Assert.Null(gateway.Services.GetService<TracerProvider>());
        Assert.Null(gateway.Services.GetService<MeterProvider>());
        Assert.Null(gateway.Services.GetService<LoggerProvider>());
        // The expected warnings: the test gateway is a demo (Auth:Demo=true) in the Production environment, and what Orleans
        // says about the machine (its garbage collector settings, a stalled thread on a loaded test machine).
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.Level >= LogLevel.Warning && e.Category != typeof(AuthModeLog).FullName && !IsAboutTheMachine(e));
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.Message.Contains("OTLP", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnExporterNameThatIsNotSupportedIsWarnedAboutAndNothingIsBuilt()
    {
        var settings = Unset();
        settings["OTEL_TRACES_EXPORTER"] = "zipkin";
        await using var gateway = await DomainGateway.StartAsync(settings);

        Assert.Null(gateway.Services.GetService<TracerProvider>());
        Assert.Contains(gateway.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("OTEL_TRACES_EXPORTER=zipkin", StringComparison.Ordinal));
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.Message.StartsWith("OTLP export", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, null, null, false, false)]
    [InlineData("http://collector:4318", null, null, true, true)]
    [InlineData("http://collector:4318", "none", null, false, true)]
    [InlineData(null, "otlp", null, true, false)]
    [InlineData(null, "zipkin,otlp", null, true, false)]
    [InlineData("http://collector:4318", "otlp", "true", false, false)]
    public void ExportFollowsTheStandardVariables(string? endpoint, string? tracesExporter, string? disabled, bool traces, bool metrics)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint, ["OTEL_TRACES_EXPORTER"] = tracesExporter, ["OTEL_SDK_DISABLED"] = disabled,
        }).Build();

        var settings = OtelExportSettings.From(configuration);

        Assert.Equal((traces, metrics, metrics), (settings.Traces, settings.Metrics, settings.Logs));
        Assert.Equal(tracesExporter?.Contains("zipkin", StringComparison.Ordinal) == true && disabled is null ? ["OTEL_TRACES_EXPORTER=zipkin"] : [], settings.Unsupported);
    }

    private static bool IsAboutTheMachine(ListLoggerProvider.LogEntry entry) =>
        (entry.Category == "Orleans.Runtime.Silo" && entry.Message.StartsWith("Note: ", StringComparison.Ordinal) && entry.Message.Contains("ServerGC", StringComparison.Ordinal))
        || entry.Category == "Orleans.Runtime.Watchdog";

    private static Dictionary<string, string?> Unset() => OtelKeys.ToDictionary(k => k, _ => (string?)null);
}
