using Microsoft.Extensions.DependencyInjection;

namespace OrleansTilsyn.Gateway.Tests.Domain.Storage;

/// <summary>
/// Decorates services that the gateway registers inside <c>GatewayApplication.Build</c> (after a test's own registrations
/// ran): a service provider factory that applies the decorations to the finished service collection, just before the
/// provider is built.
/// </summary>
internal sealed class LateServiceDecoration(IReadOnlyList<Action<IServiceCollection>> decorations) : IServiceProviderFactory<IServiceCollection>
{
    public IServiceCollection CreateBuilder(IServiceCollection services)
    {
        foreach (var decorate in decorations) decorate(services);
        return services;
    }

    public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) => containerBuilder.BuildServiceProvider();
}

/// <summary>Wraps a service the gateway registered (whatever its registration) in a test double.</summary>
internal static class ServiceDecoration
{
    public static void Decorate<T>(this IServiceCollection services, Func<IServiceProvider, T, T> wrap) where T : class
    {
        var registered = services.Last(d => d.ServiceType == typeof(T) && !d.IsKeyedService);
        services.AddSingleton(sp => wrap(sp, (T)Create(sp, registered)));
    }

    public static void DecorateKeyed<T>(this IServiceCollection services, string key, Func<IServiceProvider, T, T> wrap) where T : class
    {
        var registered = services.Last(d => d.ServiceType == typeof(T) && d.IsKeyedService && Equals(d.ServiceKey, key));
        services.AddKeyedSingleton<T>(key, (sp, _) => wrap(sp, (T)CreateKeyed(sp, registered, key)));
    }

    private static object Create(IServiceProvider sp, ServiceDescriptor registered) =>
        registered.ImplementationInstance
        ?? registered.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!);

    private static object CreateKeyed(IServiceProvider sp, ServiceDescriptor registered, string key) =>
        registered.KeyedImplementationInstance
        ?? registered.KeyedImplementationFactory?.Invoke(sp, key)
        ?? ActivatorUtilities.CreateInstance(sp, registered.KeyedImplementationType!);
}
