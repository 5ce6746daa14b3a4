using Microsoft.Extensions.Hosting;

namespace OrleansTilsyn.Silo.Hosting;

/// <summary>Starts the silo with the host (options validated, store initialized) and deactivates its grains on shutdown.</summary>
internal sealed class SiloHostedService(TilsynSilo silo) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => silo.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => silo.StopAsync(cancellationToken);
}
