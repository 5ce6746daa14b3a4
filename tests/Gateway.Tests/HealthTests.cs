using Grpc.AspNetCore.HealthChecks;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace OrleansTilsyn.Gateway.Tests;

/// <summary>grpc.health.v1 over ASP.NET Core health checks, as the gateway wires it.</summary>
public sealed class HealthTests
{
    private const string Check = "/grpc.health.v1.Health/Check";
    private const string Watch = "/grpc.health.v1.Health/Watch";

    [Fact]
    public async Task ServerAndMappedServicesAreServing()
    {
        await using var server = await GatewayTestServer.StartAsync(services: s =>
        {
            s.AddHealthChecks().AddCheck("switchable", new SwitchableCheck { Healthy = true });
            s.Configure<GrpcHealthChecksOptions>(o => o.Services.Map(TestEcho.Name, _ => true));
        });

        var whole = await server.Client.CallAsync(Check, new HealthCheckRequest());
        var echo = await server.Client.CallAsync(Check, new HealthCheckRequest { Service = TestEcho.Name });

        Assert.Equal(ServingStatus.Serving, whole.Single(HealthCheckResponse.Parser).Status);
        Assert.Equal(ServingStatus.Serving, echo.Single(HealthCheckResponse.Parser).Status);
    }

    [Fact]
    public async Task UnknownServiceIsNotFound()
    {
        await using var server = await GatewayTestServer.StartAsync();

        var result = await server.Client.CallAsync(Check, new HealthCheckRequest { Service = "no.such.Service" });

        Assert.Equal(StatusCode.NotFound, result.Status);
    }

    [Fact]
    public async Task AnUnhealthyCheckMakesTheServerNotServing()
    {
        var check = new SwitchableCheck { Healthy = false };
        await using var server = await GatewayTestServer.StartAsync(services: s => s.AddHealthChecks().AddCheck("switchable", check));

        var result = await server.Client.CallAsync(Check, new HealthCheckRequest());

        Assert.Equal(ServingStatus.NotServing, result.Single(HealthCheckResponse.Parser).Status);
    }

    [Fact]
    public async Task WatchSendsTheCurrentStatusThenEachChange()
    {
        var check = new SwitchableCheck { Healthy = true };
        await using var server = await GatewayTestServer.StartAsync(services: s =>
        {
            s.AddHealthChecks().AddCheck("switchable", check);
            s.Configure<HealthCheckPublisherOptions>(o => (o.Delay, o.Period) = (TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        });
        await using var call = await DuplexCall.StartAsync(server.Client.Http, server.GrpcAddress, Watch, new HealthCheckRequest(), onlyRequest: true);

        Assert.Equal(ServingStatus.Serving, await NextOtherThanUnknownAsync(call));
        check.Healthy = false;
        Assert.Equal(ServingStatus.NotServing, (await call.ReadAsync(HealthCheckResponse.Parser))!.Status);
        check.Healthy = true;
        Assert.Equal(ServingStatus.Serving, (await call.ReadAsync(HealthCheckResponse.Parser))!.Status);
    }

    /// <summary>The first status may be UNKNOWN until the first health check result is published.</summary>
    private static async Task<ServingStatus> NextOtherThanUnknownAsync(DuplexCall call)
    {
        var status = (await call.ReadAsync(HealthCheckResponse.Parser))!.Status;
        return status is ServingStatus.Unknown or ServingStatus.ServiceUnknown ? (await call.ReadAsync(HealthCheckResponse.Parser))!.Status : status;
    }

    private sealed class SwitchableCheck : IHealthCheck
    {
        public volatile bool Healthy;

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(Healthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy());
    }
}
