using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OrleansTilsyn.Silo.Hosting;

/// <summary>Every SiloOptions.IdleCollectionInterval (real time) deactivates activations that had no call for IdleDeactivationAfter.</summary>
public sealed class IdleCollector(TilsynSilo silo, ILogger<IdleCollector>? logger = null) : BackgroundService
{
    private readonly ILogger _logger = logger ?? NullLogger<IdleCollector>.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, silo.Stopping);
        var token = lifetime.Token;
        try
        {
            await silo.Started.WaitAsync(token);
            while (!token.IsCancellationRequested)
            {
                await Task.Delay(silo.Options.IdleCollectionInterval, silo.Options.InfrastructureTime, token);
                try
                {
                    var collected = await silo.CollectIdleActivationsAsync(token);
                    if (collected > 0) _logger.LogDebug("Silo {Silo} deactivated {Count} idle activations.", silo.Name, collected);
                }
                catch (Exception error) when (!token.IsCancellationRequested)
                {
                    _logger.LogError(error, "Idle collection on {Silo} failed.", silo.Name);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }
}
