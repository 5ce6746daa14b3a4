using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Reminders;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Silo.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Registers a silo: <see cref="TilsynSilo"/>, <see cref="IGrainFactory"/>, <see cref="ReminderService"/>,
    /// the store (SiloOptions.Store, SiloOptions.StoreFactory, or an IGrainStore registered before),
    /// the domain clock (a registered TimeProvider, else the system clock), and hosted services that start
    /// the silo, poll reminders and collect idle activations. Options are validated at start.
    /// </summary>
    public static IServiceCollection AddTilsynSilo(this IServiceCollection services, Action<SiloOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SiloOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiloOptions>, SiloOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(CreateStore);
        services.TryAddSingleton(sp => new TilsynSilo(
            sp.GetRequiredService<IOptions<SiloOptions>>().Value, sp.GetRequiredService<IGrainStore>(), sp.GetRequiredService<TimeProvider>(), sp));
        services.TryAddSingleton(sp => sp.GetRequiredService<TilsynSilo>().GrainFactory);
        services.TryAddSingleton(sp => sp.GetRequiredService<TilsynSilo>().Reminders);
        services.AddHostedService<SiloHostedService>();
        services.AddHostedService<ReminderPoller>();
        services.AddHostedService<IdleCollector>();
        return services;
    }

    private static IGrainStore CreateStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SiloOptions>>().Value;
        return options.Store ?? options.StoreFactory?.Invoke(services)
            ?? throw new InvalidOperationException("No grain store: set SiloOptions.Store or SiloOptions.StoreFactory, or register an IGrainStore.");
    }
}

internal sealed class SiloOptionsValidator : IValidateOptions<SiloOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
