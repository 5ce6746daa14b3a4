using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Grpc.Health;
using OrleansTilsyn.Gateway.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using ServingStatus = OrleansTilsyn.Gateway.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace OrleansTilsyn.Gateway.Tests;

public sealed class HealthTests
{
    private const string Check = "/grpc.health.v1.Health/Check";
    private const string Watch = "/grpc.health.v1.Health/Watch";

    [Fact]
    public async Task ServerAndRegisteredServicesAreServing()
    {
        await using var server = await GatewayTestServer.StartAsync();

        var whole = await server.Client.CallAsync(Check, new HealthCheckRequest());
        var echo = await server.Client.CallAsync(Check, new HealthCheckRequest { Service = EchoService.Name });

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
    public async Task StatusSetOnTheBoardIsReported()
    {
        await using var server = await GatewayTestServer.StartAsync();
        server.Services.GetRequiredService<HealthStatusBoard>().SetAll(GrpcServingStatus.NotServing);

        var result = await server.Client.CallAsync(Check, new HealthCheckRequest());

        Assert.Equal(ServingStatus.NotServing, result.Single(HealthCheckResponse.Parser).Status);
    }

    [Fact]
    public async Task WatchSendsCurrentStatusThenEachChange()
    {
        await using var server = await GatewayTestServer.StartAsync();
        var board = server.Services.GetRequiredService<HealthStatusBoard>();
        await using var call = await DuplexCall.StartAsync(
            server.Client.Http, server.GrpcAddress, Watch, new HealthCheckRequest { Service = "tilsyn.v1.Store" }, onlyRequest: true);

        Assert.Equal(ServingStatus.ServiceUnknown, (await call.ReadAsync(HealthCheckResponse.Parser))!.Status);
        board.SetStatus("tilsyn.v1.Store", GrpcServingStatus.Serving);
        Assert.Equal(ServingStatus.Serving, (await call.ReadAsync(HealthCheckResponse.Parser))!.Status);
        board.SetStatus("tilsyn.v1.Store", GrpcServingStatus.NotServing);
        Assert.Equal(ServingStatus.NotServing, (await call.ReadAsync(HealthCheckResponse.Parser))!.Status);
    }

    [Fact]
    public async Task HealthIsAlsoAvailableAsJson()
    {
        await using var server = await GatewayTestServer.StartAsync();

        var result = await server.Client.PostJsonAsync(Check, "{}");

        Assert.Contains("\"SERVING\"", result.BodyText);
    }
}
