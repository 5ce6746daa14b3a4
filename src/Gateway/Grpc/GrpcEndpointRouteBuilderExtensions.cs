using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansTilsyn.Gateway.Grpc.Health;
using OrleansTilsyn.Gateway.Grpc.Reflection;

namespace OrleansTilsyn.Gateway.Grpc;

public static class GrpcEndpointRouteBuilderExtensions
{
    public const string LoggerCategory = "OrleansTilsyn.Gateway.Grpc";

    /// <summary>Maps every registered method to <c>POST /{package}.{Service}/{Method}</c> (gRPC, gRPC-Web
    /// and JSON), CORS preflights, and UNIMPLEMENTED for unknown methods. Conventions added to the
    /// returned builder (e.g. <c>RequireAuthorization()</c>) apply to the registered methods; health,
    /// reflection, preflights and the unknown-method answer stay anonymous.</summary>
    public static IEndpointConventionBuilder MapGrpcServices(this IEndpointRouteBuilder endpoints, Action<GrpcServiceRegistry>? configure = null)
    {
        var services = endpoints.ServiceProvider;
        var options = services.GetRequiredService<IOptions<GrpcGatewayOptions>>().Value;
        var registry = services.GetRequiredService<GrpcServiceRegistry>();
        foreach (var service in services.GetServices<IGrpcService>())
        {
            service.Register(registry);
        }

        configure?.Invoke(registry);
        RegisterBuiltInServices(services, options, registry);
        registry.Freeze();

        var state = new GrpcServerState(
            options,
            new JsonCodec(options, registry.Files),
            new GrpcCors(options),
            services.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory));

        var methodEndpoints = new List<IEndpointConventionBuilder>();
        foreach (var method in registry.Methods)
        {
            var handler = new GrpcEndpointHandler(method, state);
            var endpoint = endpoints.Map(method.Path, handler.HandleAsync)
                .WithMetadata(new HttpMethodMetadata([HttpMethods.Post]))
                .WithDisplayName($"gRPC {method.Path}")
                .WithMetadata(handler);
            foreach (var item in method.EndpointMetadata)
            {
                endpoint.WithMetadata(item);
            }

            methodEndpoints.Add(endpoint);
            endpoints.MapMethods(method.Path, [HttpMethods.Options], state.Cors.HandlePreflightAsync)
                .WithMetadata(new AllowAnonymousAttribute())
                .WithDisplayName($"gRPC CORS preflight {method.Path}");
        }

        endpoints.MapPost("/{service}/{method}", new UnimplementedEndpointHandler(state).HandleAsync)
            .WithMetadata(new AllowAnonymousAttribute())
            .WithDisplayName("gRPC unimplemented method");

        services.GetRequiredService<HealthStatusBoard>().MarkServing(registry.ServiceNames);
        return new CompositeEndpointConventionBuilder(methodEndpoints);
    }

    private static void RegisterBuiltInServices(IServiceProvider services, GrpcGatewayOptions options, GrpcServiceRegistry registry)
    {
        if (options.EnableHealth)
        {
            services.GetRequiredService<HealthService>().Register(registry);
        }

        if (options.EnableReflection)
        {
            services.GetRequiredService<ReflectionService>().Register(registry);
        }
    }
}
