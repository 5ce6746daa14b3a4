using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OrleansTilsyn.Gateway.Telemetry;

/// <summary>
/// Builds the exporting providers when the host starts (they listen from then on) and flushes them
/// when it stops; the container disposes them. Says once which exporter settings it ignored.
/// </summary>
internal sealed partial class TelemetryProviders(IServiceProvider services, OtelExportSettings settings, ILogger<TelemetryProviders> logger) : IHostedService
{
    private TracerProvider? _tracer;
    private MeterProvider? _meter;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _tracer = services.GetService<TracerProvider>();
        _meter = services.GetService<MeterProvider>();
        foreach (var setting in settings.Unsupported) LogUnsupported(logger, setting);
        LogExporting(logger, settings.Traces, settings.Metrics, settings.Logs);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _tracer?.ForceFlush(5000);
        _meter?.ForceFlush(5000);
        return Task.CompletedTask;
    }

    [LoggerMessage(LogLevel.Warning, "{Setting} is not supported here (only otlp and none); that exporter is not started.")]
    private static partial void LogUnsupported(ILogger logger, string setting);

    [LoggerMessage(LogLevel.Information, "OTLP export: traces {Traces}, metrics {Metrics}, logs {Logs}.")]
    private static partial void LogExporting(ILogger logger, bool traces, bool metrics, bool logs);
}
