using System.Net;
using Microsoft.Extensions.Options;
using OrleansTilsyn.Gateway.Tests.Domain;

namespace OrleansTilsyn.Gateway.Tests;

public sealed class CorsTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Echo = "/test.echo.v1.EchoService/Echo";

    [Fact]
    public async Task PreflightFromAllowedOriginAllowsPostWithRequestedHeaders()
    {
        using var response = await PreflightAsync(GatewayFixture.AllowedOrigin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(GatewayFixture.AllowedOrigin, response.Headers.Value("Access-Control-Allow-Origin"));
        Assert.Contains("POST", response.Headers.Value("Access-Control-Allow-Methods"));
        Assert.Equal("content-type,x-grpc-web,authorization", response.Headers.Value("Access-Control-Allow-Headers"));
        Assert.NotNull(response.Headers.Value("Access-Control-Max-Age"));
    }

    [Fact]
    public async Task PreflightFromOtherOriginIsNotAllowed()
    {
        using var response = await PreflightAsync("https://evil.example");

        Assert.Null(response.Headers.Value("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ActualRequestFromAllowedOriginExposesGrpcHeaders()
    {
        var result = await fixture.Client.CallWebAsync(
            Echo, Frames.Message(new EchoRequest()), configure: r => r.Headers.Add("Origin", GatewayFixture.AllowedOrigin));

        Assert.Equal(GatewayFixture.AllowedOrigin, result.Header("Access-Control-Allow-Origin"));
        var exposed = result.Header("Access-Control-Expose-Headers");
        Assert.Contains("grpc-status", exposed);
        Assert.Contains("grpc-message", exposed);
        Assert.Contains("grpc-status-details-bin", exposed);
    }

    [Fact]
    public async Task ActualRequestFromOtherOriginGetsNoCorsHeaders()
    {
        var result = await fixture.Client.PostJsonAsync(Echo, "{}", r => r.Headers.Add("Origin", "https://evil.example"));

        Assert.Null(result.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AnyOriginWithCredentialsRefusesToStartNamingTheSettings()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () => await (await DomainGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:Grpc:CorsAllowedOrigins:0"] = "*",
            ["Gateway:Grpc:CorsAllowCredentials"] = "true",
        })).DisposeAsync());

        Assert.Contains("Gateway:Grpc:CorsAllowCredentials=true cannot be combined with '*' in Gateway:Grpc:CorsAllowedOrigins", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListedOriginsWithCredentialsAreAllowedByNameAndOthersAreNot()
    {
        await using var server = await GatewayTestServer.StartAsync(options =>
        {
            options.CorsAllowedOrigins = [GatewayFixture.AllowedOrigin];
            options.CorsAllowCredentials = true;
        });

        using var allowed = await PreflightAsync(server, GatewayFixture.AllowedOrigin);
        using var other = await PreflightAsync(server, "https://evil.example");

        Assert.Equal(GatewayFixture.AllowedOrigin, allowed.Headers.Value("Access-Control-Allow-Origin"));
        Assert.Equal("true", allowed.Headers.Value("Access-Control-Allow-Credentials"));
        Assert.Null(other.Headers.Value("Access-Control-Allow-Origin"));
        Assert.Null(other.Headers.Value("Access-Control-Allow-Credentials"));
    }

    private Task<HttpResponseMessage> PreflightAsync(string origin) => PreflightAsync(fixture.Server, origin);

    private static async Task<HttpResponseMessage> PreflightAsync(GatewayTestServer server, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, new Uri(server.HttpAddress, Echo));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-grpc-web,authorization");
        return await server.Client.Http.SendAsync(request);
    }
}
