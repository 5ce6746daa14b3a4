using Google.Rpc;
using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OrleansTilsyn.Gateway.Telemetry;

namespace OrleansTilsyn.Gateway.Grpc;

public static class GrpcGatewayServiceCollectionExtensions
{
    /// <summary>
    /// grpc-dotnet with the gateway's settings (<c>Gateway:Grpc</c>, <see cref="GrpcGatewayOptions"/>): message size
    /// limits, <see cref="CallSpanInterceptor"/> and <see cref="ErrorInterceptor"/> first among the interceptors, requests read by
    /// <see cref="CheckedRequestMarshaller"/>; JSON transcoding whose errors carry the google.rpc details; server
    /// reflection; gRPC health over ASP.NET Core health checks; the CORS policy of the configured origins.
    /// </summary>
    public static IServiceCollection AddGrpcGateway(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<GrpcGatewayOptions>().Bind(section);
        return services.AddGrpcGateway();
    }

    /// <inheritdoc cref="AddGrpcGateway(IServiceCollection, IConfiguration)"/>
    public static IServiceCollection AddGrpcGateway(this IServiceCollection services, Action<GrpcGatewayOptions>? configure = null)
    {
        var options = services.AddOptions<GrpcGatewayOptions>().ValidateOnStart();
        if (configure is not null) options.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrpcGatewayOptions>, GrpcGatewayOptionsValidator>());
        services.TryAddSingleton<ErrorInterceptor>();
        services.TryAddSingleton<CallSpanInterceptor>();
        services.AddGrpc().AddJsonTranscoding();
        services.AddOptions<GrpcServiceOptions>().Configure<IOptions<GrpcGatewayOptions>>((grpc, gateway) =>
        {
            grpc.MaxReceiveMessageSize = gateway.Value.MaxReceiveMessageSize;
            grpc.MaxSendMessageSize = gateway.Value.MaxSendMessageSize;
            grpc.EnableDetailedErrors = gateway.Value.EnableDetailedErrors;
            // First (outermost): the call's span, then the translation of refusals; any other interceptor runs inside.
            grpc.Interceptors.Add<CallSpanInterceptor>();
            grpc.Interceptors.Add<ErrorInterceptor>();
            for (var moved = 0; moved < 2; moved++)
            {
                var last = grpc.Interceptors[^1];
                grpc.Interceptors.RemoveAt(grpc.Interceptors.Count - 1);
                grpc.Interceptors.Insert(0, last);
            }
        });
        services.AddOptions<GrpcJsonTranscodingOptions>().Configure<IOptions<GrpcGatewayOptions>>((json, gateway) =>
        {
            json.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(BadRequest.Descriptor, PreconditionFailure.Descriptor, ErrorInfo.Descriptor);
            json.JsonSettings = new GrpcJsonSettings { IgnoreDefaultValues = !gateway.Value.JsonFormatDefaultValues };
        });
        foreach (var binder in services.Where(d => d.ServiceType == typeof(IServiceMethodProvider<>) && d.ImplementationType?.Name == "BinderServiceMethodProvider`1").ToList())
        {
            services.Remove(binder);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(CheckedRequestMethodProvider<>)));
        // ErrorInterceptor logs every handler failure; what grpc-dotnet itself logs as an error here is a request it could
        // not read (a malformed frame, a corrupt gzip): the client's fault, answered with an error status, not an incident.
        services.Configure<LoggerFilterOptions>(logging => logging.AddFilter("Grpc.AspNetCore.Server.ServerCallHandler", level => level < LogLevel.Error));
        services.AddGrpcReflection();
        // Check runs the health checks when asked; Watch follows the published results, every few seconds.
        services.AddGrpcHealthChecks(health => health.UseHealthChecksCache = false);
        services.Configure<HealthCheckPublisherOptions>(publisher => (publisher.Delay, publisher.Period) = (TimeSpan.Zero, TimeSpan.FromSeconds(5)));
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<GrpcGatewayOptions>>((cors, gateway) => GrpcCors.AddPolicy(cors, gateway.Value));
        return services;
    }
}
