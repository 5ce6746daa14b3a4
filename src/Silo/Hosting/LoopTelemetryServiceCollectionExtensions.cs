using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans;
using OrleansTilsyn.Grains.Telemetry;
using OrleansTilsyn.Silo.Telemetry;

namespace OrleansTilsyn.Silo.Hosting;

public static class LoopTelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The Loop meter for a hosted silo: <see cref="LoopMetrics"/> (unit grains measure reminder tardiness
    /// with it), <see cref="LoopHealthCollector"/>, and <see cref="LoopHealthMonitor"/> refreshing the gauges.
    /// Register after UseOrleans, so the monitor starts once the silo runs.
    /// </summary>
    public static IServiceCollection AddLoopTelemetry(this IServiceCollection services, Action<LoopTelemetryOptions>? configure = null)
    {
        var options = new LoopTelemetryOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton<LoopMetrics>();
        services.TryAddSingleton(sp => new LoopHealthCollector(
            sp.GetRequiredService<IGrainFactory>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<LoopMetrics>()));
        services.AddHostedService<LoopHealthMonitor>();
        return services;
    }
}
