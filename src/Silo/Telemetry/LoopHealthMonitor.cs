using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansTilsyn.Grains.Telemetry;

namespace OrleansTilsyn.Silo.Telemetry;

/// <summary>
/// Keeps the Loop meter's report fresh: every <see cref="LoopTelemetryOptions.Refresh"/> (real time)
/// it recomputes the loop health of all units and publishes it, but only while a listener reads the
/// gauges, so a silo nobody observes makes no extra grain calls (and its idle units stay collectable). Registered after
/// the silo, so it starts once the silo runs.
/// </summary>
public sealed class LoopHealthMonitor(
    LoopHealthCollector collector, LoopMetrics metrics, LoopTelemetryOptions options, TimeProvider realTime, ILogger<LoopHealthMonitor>? logger = null) : BackgroundService
{
    private readonly ILogger _logger = logger ?? NullLogger<LoopHealthMonitor>.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var token = stoppingToken;
        var failing = false;
        try
        {
            while (!token.IsCancellationRequested)
            {
                if (metrics.IsObserved)
                {
                    try
                    {
                        metrics.Publish(await collector.CollectAsync(LoopHealthCollector.Reader, cancellationToken: token));
                        if (failing) _logger.LogInformation("Loop health is computed again.");
                        failing = false;
                    }
                    catch (Exception error) when (!token.IsCancellationRequested)
                    {
                        // Once per failure streak: a store outage must not flood the log.
                        if (!failing) _logger.LogWarning(error, "Loop health could not be computed; the gauges keep the last report.");
                        failing = true;
                    }
                }

                await Task.Delay(options.Refresh, realTime, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }
}
