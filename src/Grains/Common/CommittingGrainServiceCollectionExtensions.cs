using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrleansTilsyn.Grains.Common;

public static class CommittingGrainServiceCollectionExtensions
{
    /// <summary>
    /// Registers what committing grains are given (<see cref="CommittingGrainServices"/>) with the agenda options,
    /// checked when the silo starts. The audit log (an <c>IAuditLog</c>) is registered separately.
    /// </summary>
    public static IServiceCollection AddCommittingGrains(this IServiceCollection services, Action<AgendaOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<AgendaOptions>()
            .Configure(options => configure?.Invoke(options))
            .Validate(options => options.Heartbeat >= AgendaOptions.MinimumHeartbeat,
                $"The agenda heartbeat is at least {AgendaOptions.MinimumHeartbeat} (Orleans' shortest reminder period).")
            .ValidateOnStart();
        services.TryAddSingleton<CommittingGrainServices>();
        return services;
    }
}
