using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrleansTilsyn.Grains.Telemetry;
using OrleansTilsyn.Silo.Telemetry;

namespace OrleansTilsyn.Gateway.Telemetry;

public static partial class TelemetryHostingExtensions
{
    /// <summary>The service's own trace sources (gateway calls, the silo's work).</summary>
    public const string Sources = "OrleansTilsyn.*";

    /// <summary>Orleans' trace sources of grain calls (the silo propagates activities) and storage operations.</summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Microsoft.Orleans.Storage"];

    /// <summary>The service's meters: Orleans' runtime (grain calls, activations, storage, reminders), the silo's own and the loop health.</summary>
    public static readonly string[] Meters = ["Microsoft.Orleans", SiloTelemetry.Name, LoopMetrics.MeterName];

    /// <summary>
    /// Logs carry the trace and span ids of the current span (as log scope values); traces, metrics and
    /// logs go to OTLP as the <c>OTEL_*</c> variables say (<see cref="OtelExportSettings"/>), through the
    /// OpenTelemetry hosting package with the ASP.NET Core, HttpClient and runtime instrumentation.
    /// With no such variable nothing is registered and nothing is sent.
    /// </summary>
    public static WebApplicationBuilder AddTilsynTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        var configuration = builder.Configuration;
        var export = OtelExportSettings.From(configuration);
        builder.Services.AddSingleton(export);
        // Not even AddOpenTelemetry(): the SDK's default exporter endpoint would be localhost.
        if (!export.Any) return builder;

        var otel = builder.Services.AddOpenTelemetry().ConfigureResource(r => Describe(r, configuration));
        if (export.Traces)
        {
            otel.WithTracing(tracing => tracing.AddSource(Sources).AddSource(OrleansSources)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter());
        }

        if (export.Metrics)
        {
            otel.WithMetrics(metrics => metrics.AddMeter(Meters)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddOtlpExporter());
        }

        if (export.Logs)
        {
            otel.WithLogging(logging => logging.AddOtlpExporter(), options => options.IncludeScopes = true);
        }

        return builder;
    }

    /// <summary>Says once which exporter settings are ignored and, when anything is exported, which signals; silent otherwise.</summary>
    public static WebApplication LogTelemetryExport(this WebApplication app)
    {
        var export = app.Services.GetRequiredService<OtelExportSettings>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OtelExportSettings).FullName!);
        foreach (var setting in export.Unsupported) LogUnsupported(logger, setting);
        if (export.Any) LogExporting(logger, export.Traces, export.Metrics, export.Logs);
        return app;
    }

    /// <summary>service.name is the silo's name unless OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES give one (those win).</summary>
    private static void Describe(ResourceBuilder resource, IConfiguration configuration)
    {
        var named = !string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"])
            || (configuration["OTEL_RESOURCE_ATTRIBUTES"] ?? "").Contains("service.name=", StringComparison.Ordinal);
        if (!named) resource.AddService("orleans-tilsyn", serviceInstanceId: configuration["Silo:SiloName"]);
    }

    [LoggerMessage(LogLevel.Warning, "{Setting} is not supported here (only otlp and none); that exporter is not started.")]
    private static partial void LogUnsupported(ILogger logger, string setting);

    [LoggerMessage(LogLevel.Information, "OTLP export: traces {Traces}, metrics {Metrics}, logs {Logs}.")]
    private static partial void LogExporting(ILogger logger, bool traces, bool metrics, bool logs);
}
