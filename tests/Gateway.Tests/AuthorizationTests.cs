using Grpc.Health.V1;
using OrleansTilsyn.Gateway.Security;

namespace OrleansTilsyn.Gateway.Tests;

/// <summary>The access gate (<see cref="ApiAccessInterceptor"/>) on a method outside tilsyn.v1: an authenticated caller is
/// required, and the refusal reaches each protocol as a status; health stays anonymous.</summary>
public sealed class AuthorizationTests
{
    private const string Echo = "/test.echo.v1.EchoService/Echo";

    private static Task<GatewayTestServer> StartGatedAsync() =>
        GatewayTestServer.StartAsync(services: s => s.AddApiAccessGate());

    [Fact]
    public async Task AnonymousCallToProtectedMethodIsUnauthenticated()
    {
        await using var server = await StartGatedAsync();

        var result = await server.Client.CallAsync(Echo, new EchoRequest());

        Assert.Equal(200, result.HttpStatus);
        Assert.Equal(StatusCode.Unauthenticated, result.Status);
        Assert.Contains("authorization: Bearer", result.StatusMessage);
    }

    [Fact]
    public async Task AuthenticatedCallToProtectedMethodIsServed()
    {
        await using var server = await StartGatedAsync();

        var result = await server.Client.CallAsync(Echo, new EchoRequest(), r => r.Headers.Add(GatewayTestServer.TestUserHeader, "inspector-2"));

        Assert.Equal(StatusCode.OK, result.Status);
        Assert.Equal("inspector-2", result.Single(EchoReply.Parser).User);
    }

    [Fact]
    public async Task JsonCallerGets401WithStatusBody()
    {
        await using var server = await StartGatedAsync();

        var result = await server.Client.PostJsonAsync(Echo, "{}");

        Assert.Equal(401, result.HttpStatus);
        Assert.Equal(StatusCode.Unauthenticated, result.Status);
    }

    [Fact]
    public async Task HealthStaysAnonymous()
    {
        await using var server = await StartGatedAsync();

        var result = await server.Client.CallAsync("/grpc.health.v1.Health/Check", new HealthCheckRequest());

        Assert.Equal(StatusCode.OK, result.Status);
    }
}
