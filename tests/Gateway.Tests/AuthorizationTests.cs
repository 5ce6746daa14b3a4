using Microsoft.AspNetCore.Builder;
using OrleansTilsyn.Gateway.Grpc;
using Grpc.Health.V1;

namespace OrleansTilsyn.Gateway.Tests;

public sealed class AuthorizationTests
{
    private const string Echo = "/test.echo.v1.EchoService/Echo";

    [Fact]
    public async Task AnonymousCallToProtectedMethodIsUnauthenticated()
    {
        await using var server = await GatewayTestServer.StartAsync(conventions: grpc => grpc.RequireAuthorization());

        var result = await server.Client.CallAsync(Echo, new EchoRequest());

        Assert.Equal(200, result.HttpStatus);
        Assert.Equal(StatusCode.Unauthenticated, result.Status);
    }

    [Fact]
    public async Task AuthenticatedCallToProtectedMethodIsServed()
    {
        await using var server = await GatewayTestServer.StartAsync(conventions: grpc => grpc.RequireAuthorization());

        var result = await server.Client.CallAsync(Echo, new EchoRequest(), r => r.Headers.Add(GatewayTestServer.TestUserHeader, "inspector-2"));

        Assert.Equal(StatusCode.OK, result.Status);
        Assert.Equal("inspector-2", result.Single(EchoReply.Parser).User);
    }

    [Fact]
    public async Task UserFailingThePolicyIsPermissionDenied()
    {
        await using var server = await GatewayTestServer.StartAsync(conventions: grpc => grpc.RequireAuthorization(p => p.RequireRole("board")));

        var result = await server.Client.CallAsync(Echo, new EchoRequest(), r => r.Headers.Add(GatewayTestServer.TestUserHeader, "inspector-3"));

        Assert.Equal(StatusCode.PermissionDenied, result.Status);
    }

    [Fact]
    public async Task JsonCallerGets401WithStatusBody()
    {
        await using var server = await GatewayTestServer.StartAsync(conventions: grpc => grpc.RequireAuthorization());

        var result = await server.Client.PostJsonAsync(Echo, "{}");

        Assert.Equal(401, result.HttpStatus);
        Assert.Contains("\"code\": 16", result.BodyText);
    }

    [Fact]
    public async Task HealthStaysAnonymous()
    {
        await using var server = await GatewayTestServer.StartAsync(conventions: grpc => grpc.RequireAuthorization());

        var result = await server.Client.CallAsync("/grpc.health.v1.Health/Check", new HealthCheckRequest());

        Assert.Equal(StatusCode.OK, result.Status);
    }
}
