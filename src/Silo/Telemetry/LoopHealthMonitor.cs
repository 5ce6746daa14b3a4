using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansTilsyn.Grains.Telemetry;
using OrleansTilsyn.Silo.Hosting;

namespace OrleansTilsyn.Silo.Telemetry;

/// <summary>
/// Keeps the Loop meter's report fresh: every <see cref="LoopTelemetryOptions.Refresh"/> (real time)
/// it recomputes the loop health of all units and publishes it, but only while a listener reads the
/// gauges, so a silo nobody observes makes no extra grain calls (and its idle units stay collectable).
/// </summary>
public sealed class LoopHealthMonitor(
    TilsynSilo silo, LoopHealthCollector collector, LoopMetrics metrics, LoopTelemetryOptions options, ILogger<LoopHealthMonitor>? logger = null) : BackgroundService
{
    private readonly ILogger _logger = logger ?? NullLogger<LoopHealthMonitor>.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, silo.Stopping);
        var token = lifetime.Token;
        var failing = false;
        try
        {
            await silo.Started.WaitAsync(token);
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

                await Task.Delay(options.Refresh, silo.Options.InfrastructureTime, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }
}
