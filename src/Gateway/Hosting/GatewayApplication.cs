using OrleansTilsyn.Gateway.Api;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;
using OrleansTilsyn.Gateway.Telemetry;

namespace OrleansTilsyn.Gateway.Hosting;

/// <summary>The whole gateway (Program.cs and the tests build it the same way): listeners, the gRPC layer,
/// the tilsyn.v1 services, security, and a co-hosted silo on the configured store.</summary>
public static class GatewayApplication
{
    /// <summary>Plain HTTP readiness for probes and scripts: 200 <c>Healthy</c>, or 503 <c>Unhealthy</c> while the store is
    /// unreachable (the same checks as grpc.health.v1).</summary>
    public const string ReadinessRoute = "/healthz";

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var endpoints = builder.Configuration.GetSection(GatewayEndpointOptions.SectionName).Get<GatewayEndpointOptions>() ?? new();
        if (endpoints.HasAnyPort)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGateway(endpoints));
        }

        builder.Services.AddGrpcGateway(builder.Configuration.GetSection(GrpcGatewayOptions.SectionName));
        builder.AddTilsynApi();
        builder.AddTilsynSecurity();
        builder.Services.AddReportsApi();
        builder.AddCoHostedSilo();
        builder.AddTilsynTelemetry();

        var app = builder.Build();
        app.LogTelemetryExport();
        app.UseSecurityHeaders();
        var bench = builder.Configuration.GetValue<bool>(BenchEndpoints.ConfigKey);
        if (bench)
        {
            app.MapBenchEndpoints();
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.MapReportPrintRoute();
        app.MapLoopHealthPage();
        app.MapHealthChecks(ReadinessRoute);
        app.MapWebFrontEnd();
        app.UseGrpcGateway();
        app.MapGrpcGatewayBuiltIns();
        app.MapTilsynApi();
        return app;
    }
}
