using Microsoft.AspNetCore.Cors.Infrastructure;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>The CORS policy of the gRPC-Web and JSON methods: the configured origins (none: no CORS headers at all),
/// POST with any request header, the gRPC status headers readable by scripts.</summary>
public static class GrpcCors
{
    public const string PolicyName = "grpc";

    private static readonly string[] GrpcHeaders = ["grpc-status", "grpc-message", "grpc-status-details-bin", "grpc-encoding", "grpc-accept-encoding"];

    internal static void AddPolicy(CorsOptions cors, GrpcGatewayOptions options)
    {
        if (options.CorsAllowedOrigins.Count == 0) return;
        cors.AddPolicy(PolicyName, policy =>
        {
            if (options.CorsAllowedOrigins.Contains("*")) policy.AllowAnyOrigin();
            else policy.WithOrigins([.. options.CorsAllowedOrigins]);
            if (options.CorsAllowCredentials) policy.AllowCredentials();
            policy.WithMethods("POST").AllowAnyHeader()
                .WithExposedHeaders([.. GrpcHeaders, .. options.CorsExposedHeaders])
                .SetPreflightMaxAge(TimeSpan.FromSeconds(options.CorsPreflightMaxAgeSeconds));
        });
    }
}
