using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansTilsyn.Gateway.Grpc.Health;
using OrleansTilsyn.Gateway.Grpc.Reflection;

namespace OrleansTilsyn.Gateway.Grpc;

public static class GrpcServiceCollectionExtensions
{
    /// <summary>Adds the gRPC protocol layer, health (backed by <see cref="HealthStatusBoard"/> unless
    /// another <see cref="IGrpcHealthSource"/> is registered) and reflection.</summary>
    public static IServiceCollection AddGrpcGateway(this IServiceCollection services, Action<GrpcGatewayOptions>? configure = null)
    {
        var options = services.AddOptions<GrpcGatewayOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrpcGatewayOptions>, GrpcGatewayOptionsValidator>());
        services.TryAddSingleton<GrpcServiceRegistry>();
        services.TryAddSingleton<HealthStatusBoard>();
        services.TryAddSingleton<IGrpcHealthSource>(sp => sp.GetRequiredService<HealthStatusBoard>());
        services.TryAddSingleton<HealthService>();
        services.TryAddSingleton<ReflectionService>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        return services;
    }

    /// <summary>Adds the protocol layer with options bound from a configuration section (e.g. <c>Gateway:Grpc</c>).</summary>
    public static IServiceCollection AddGrpcGateway(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<GrpcGatewayOptions>().Bind(section);
        return services.AddGrpcGateway();
    }

    public static IServiceCollection AddGrpcService<TService>(this IServiceCollection services)
        where TService : class, IGrpcService
    {
        services.TryAddSingleton<TService>();
        services.AddSingleton<IGrpcService>(sp => sp.GetRequiredService<TService>());
        return services;
    }
}
