using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;

namespace OrleansTilsyn.Gateway.Hosting;

/// <summary>Reads a probe record from the grain storage every few seconds; while it is unreachable the service is unhealthy,
/// so gRPC health (Grpc.AspNetCore.HealthChecks) answers NOT_SERVING for the server and every tilsyn.v1 service, and
/// the loop health page says so.</summary>
internal sealed partial class StoreHealthProbe(IServiceProvider services, ILogger<StoreHealthProbe> logger) : BackgroundService, IHealthCheck
{
    private static readonly GrainId ProbeGrain = GrainId.Create("health-probe", "store");

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            var reachable = await IsReachableAsync(stoppingToken);
            if (reachable == StoreReachable) continue;
            StoreReachable = reachable;
            if (reachable) LogStoreBack(logger); else LogStoreLost(logger);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>False from the first failed ping until one succeeds again.</summary>
    public bool StoreReachable { get; private set; } = true;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(StoreReachable ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The store is unreachable."));

    private async Task<bool> IsReachableAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(Interval);
            var storage = services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
            await storage.ReadStateAsync("probe", ProbeGrain, new GrainState<ProbeRecord>()).WaitAsync(timeout.Token);
            return true;
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(LogLevel.Warning, "The store is unreachable: health reports NOT_SERVING.")]
    private static partial void LogStoreLost(ILogger logger);

    [LoggerMessage(LogLevel.Information, "The store is reachable again: health reports SERVING.")]
    private static partial void LogStoreBack(ILogger logger);
}

/// <summary>The probe's record: never written, only read.</summary>
[GenerateSerializer, Alias("tilsyn.StoreProbeRecord")]
internal sealed class ProbeRecord;
