using Microsoft.Extensions.DependencyInjection;

namespace OrleansTilsyn.Grains.Tests.Loop;

/// <summary>Wraps a service the test host registered (whatever its registration) in a test double.</summary>
internal static class ServiceDecoration
{
    public static void DecorateKeyed<T>(this IServiceCollection services, string key, Func<IServiceProvider, T, T> wrap) where T : class
    {
        var registered = services.Last(d => d.ServiceType == typeof(T) && d.IsKeyedService && Equals(d.ServiceKey, key));
        services.AddKeyedSingleton<T>(key, (sp, _) => wrap(sp, (T)CreateKeyed(sp, registered, key)));
    }

    private static object CreateKeyed(IServiceProvider sp, ServiceDescriptor registered, string key) =>
        registered.KeyedImplementationInstance
        ?? registered.KeyedImplementationFactory?.Invoke(sp, key)
        ?? ActivatorUtilities.CreateInstance(sp, registered.KeyedImplementationType!);
}
