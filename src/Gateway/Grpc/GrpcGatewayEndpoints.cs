using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace OrleansTilsyn.Gateway.Grpc;

public static class GrpcGatewayEndpoints
{
    /// <summary>Request content types of a method's gRPC endpoint (native gRPC and gRPC-Web, binary and text).</summary>
    public static readonly string[] GrpcContentTypes =
    [
        "application/grpc", "application/grpc+proto",
        "application/grpc-web", "application/grpc-web+proto", "application/grpc-web-text", "application/grpc-web-text+proto",
    ];

    /// <summary>gRPC-Web for every service (text requests decoded by <see cref="GrpcWebTextRequests"/>), CORS, and the
    /// receive limit on JSON request bodies (after routing, before the endpoints).</summary>
    public static WebApplication UseGrpcGateway(this WebApplication app)
    {
        var limit = app.Services.GetRequiredService<IOptions<GrpcGatewayOptions>>().Value.MaxReceiveMessageSize;
        app.Use((context, next) => GrpcWebTextRequests.DecodeAsync(context, limit, () => next(context)));
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.UseCors();
        app.Use((context, next) =>
        {
            // grpc-dotnet limits messages, JSON transcoding does not: the same limit on the request body.
            if (limit is { } max && context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not null
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
            {
                body.MaxRequestBodySize = max;
            }

            return next(context);
        });
        var methodPaths = new Lazy<HashSet<string>>(() => MethodPaths(app.Services.GetRequiredService<EndpointDataSource>()));
        app.Use((context, next) =>
        {
            // A method's path with a content type neither its gRPC nor its JSON endpoint accepts matches no endpoint
            // (grpc-dotnet's catch-all for unknown methods sits in the same route node); say why, as 415.
            if (context.GetEndpoint() is null && HttpMethods.IsPost(context.Request.Method) && methodPaths.Value.Contains(context.Request.Path.Value ?? ""))
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }

    private static HashSet<string> MethodPaths(EndpointDataSource endpoints) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<GrpcMethodMetadata>() is not null && e.RoutePattern.RawText is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Maps a service's methods: gRPC and gRPC-Web on <c>POST /{package}.{Service}/{Method}</c>, and the JSON route of
    /// each method's google.api.http rule, which for tilsyn.v1 is the same path. The two share a path by request
    /// content type (ASP.NET Core's accepts matching; any other content type is 415).
    /// </summary>
    public static GrpcServiceEndpointConventionBuilder MapGrpcGatewayService<TService>(this IEndpointRouteBuilder endpoints)
        where TService : class
    {
        var service = endpoints.MapGrpcService<TService>();
        service.Add(endpoint =>
        {
            var json = endpoint.Metadata.OfType<GrpcJsonTranscodingMetadata>().Any();
            endpoint.Metadata.Add(new AcceptsMetadata(json ? ["application/json"] : GrpcContentTypes));
        });
        service.RequireCors(GrpcCors.PolicyName);
        return service;
    }

    /// <summary>grpc.health.v1 and server reflection, anonymous, when enabled.</summary>
    public static void MapGrpcGatewayBuiltIns(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<GrpcGatewayOptions>>().Value;
        if (options.EnableHealth) endpoints.MapGrpcHealthChecksService();
        if (options.EnableReflection) endpoints.MapGrpcReflectionService();
    }
}
