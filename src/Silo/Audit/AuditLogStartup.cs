using Microsoft.Extensions.Hosting;

namespace OrleansTilsyn.Silo.Audit;

/// <summary>Initializes a registered audit log when the host starts, so a missing folder or an unreachable table fails the start.</summary>
internal sealed class AuditLogStartup(Func<CancellationToken, Task> initialize) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initialize(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
