using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrleansTilsyn.Grains.Telemetry;
using OrleansTilsyn.Silo.Telemetry;

namespace OrleansTilsyn.Gateway.Telemetry;

public static class TelemetryHostingExtensions
{
    /// <summary>Every trace source of the service and ASP.NET Core's request spans.</summary>
    public static readonly string[] Sources = [GatewayTelemetry.Name, SiloTelemetry.Name, "Microsoft.AspNetCore"];

    /// <summary>The service's meters (silo runtime and loop health) and ASP.NET Core's server meters.</summary>
    public static readonly string[] Meters =
        [SiloTelemetry.Name, LoopMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    /// <summary>
    /// Logs carry the trace and span ids of the current span (as log scope values); traces, metrics and
    /// logs go to OTLP as the <c>OTEL_*</c> variables say (<see cref="OtelExportSettings"/>), wired by
    /// hand with the OpenTelemetry SDK builders. With no such variable nothing is built and nothing is sent.
    /// </summary>
    public static WebApplicationBuilder AddTilsynTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        var configuration = builder.Configuration;
        var export = OtelExportSettings.From(configuration);
        builder.Services.AddSingleton(export);
        if (!export.Any) return builder;

        if (export.Traces)
        {
            builder.Services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
                .ConfigureServices(s => s.AddSingleton<IConfiguration>(configuration))
                .ConfigureResource(r => Describe(r, configuration))
                .AddSource(Sources)
                .AddOtlpExporter()
                .Build());
        }

        if (export.Metrics)
        {
            builder.Services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
                .ConfigureServices(s => s.AddSingleton<IConfiguration>(configuration))
                .ConfigureResource(r => Describe(r, configuration))
                .AddMeter(Meters)
                .AddOtlpExporter()
                .Build());
        }

        if (export.Logs)
        {
            builder.Logging.AddOpenTelemetry(o =>
            {
                o.IncludeScopes = true;
                o.SetResourceBuilder(Describe(ResourceBuilder.CreateDefault(), configuration));
                o.AddOtlpExporter();
            });
        }

        builder.Services.AddHostedService<TelemetryProviders>();
        return builder;
    }

    /// <summary>service.name is the silo's name unless OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES give one (those win).</summary>
    private static ResourceBuilder Describe(ResourceBuilder resource, IConfiguration configuration)
    {
        var named = !string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"])
            || (configuration["OTEL_RESOURCE_ATTRIBUTES"] ?? "").Contains("service.name=", StringComparison.Ordinal);
        return named ? resource : resource.AddService("orleans-tilsyn", serviceInstanceId: configuration["Silo:SiloName"]);
    }
}
