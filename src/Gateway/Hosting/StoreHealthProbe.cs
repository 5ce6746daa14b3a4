using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Gateway.Grpc.Health;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Gateway.Hosting;

/// <summary>Pings the store every few seconds and reports the whole server NOT_SERVING while it is unreachable.</summary>
internal sealed partial class StoreHealthProbe(IGrainStore store, IGrpcHealthSource health, ILogger<StoreHealthProbe> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (health is not HealthStatusBoard board) return;
        using var timer = new PeriodicTimer(Interval);
        var serving = true;
        do
        {
            var reachable = await IsReachableAsync(stoppingToken);
            if (reachable == serving) continue;
            serving = reachable;
            board.SetAll(serving ? GrpcServingStatus.Serving : GrpcServingStatus.NotServing);
            if (serving) LogStoreBack(logger); else LogStoreLost(logger);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<bool> IsReachableAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(Interval);
            await store.PingAsync(timeout.Token);
            return true;
        }
        catch (Exception error) when (error is StorageUnavailableException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(LogLevel.Warning, "The store is unreachable: health reports NOT_SERVING.")]
    private static partial void LogStoreLost(ILogger logger);

    [LoggerMessage(LogLevel.Information, "The store is reachable again: health reports SERVING.")]
    private static partial void LogStoreBack(ILogger logger);
}
