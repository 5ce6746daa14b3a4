using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests.Domain;

/// <summary>The gateway serving the web front end: its configuration endpoint, the demo sign-in that exists
/// only with the embedded default's local key, and the built files with the app's routes falling back to
/// index.html for GET only (gRPC paths keep their answers).</summary>
public sealed class WebFrontEndTests
{
    [Fact]
    public async Task EmbeddedDefaultOffersDemoSignInWhoseTokenTheApiAccepts()
    {
        await using var gateway = await DomainGateway.StartAsync();
        using var http = HttpTo(gateway);

        var config = await http.GetFromJsonAsync<JsonElement>("/web/config");
        var identities = await http.GetFromJsonAsync<JsonElement[]>("/web/demo/identities");
        var signIn = await http.PostAsJsonAsync("/web/demo/sign-in", new { label = "chief:bu-chef-1" });
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        var units = await gateway.OkAsync("/tilsyn.v1.Units/ListUnits", new ListUnitsRequest(), token, ListUnitsResponse.Parser);

        Assert.Equal("demo", config.GetProperty("signIn").GetString());
        Assert.Equal(DomainGateway.Start, config.GetProperty("now").GetDateTimeOffset(), TimeSpan.FromMinutes(5));
        Assert.Equal(
            ["administration", "board", "chief", "leader", "operations"],
            identities!.Select(i => i.GetProperty("role").GetString()).Distinct().Order(StringComparer.Ordinal));
        Assert.True(units.TotalSize >= 10, $"the chief's portfolio through the demo token: {units.TotalSize}");
    }

    [Fact]
    public async Task UnknownDemoIdentityGetsNoToken()
    {
        await using var gateway = await DomainGateway.StartAsync();
        using var http = HttpTo(gateway);

        var response = await http.PostAsJsonAsync("/web/demo/sign-in", new { label = "chief:no-such-chief" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductionKeysHaveNoDemoSignInAndTellTheAppToUseOidc()
    {
        var data = Directory.CreateTempSubdirectory("tilsyn-web-prod-").FullName;
        var jwks = Path.Combine(data, "jwks.json");
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(key) { KeyId = "provider-1" });
            await File.WriteAllTextAsync(jwks, $$"""{"keys":[{"kty":"EC","crv":"P-256","x":"{{jwk.X}}","y":"{{jwk.Y}}","kid":"provider-1","use":"sig"}]}""");
        }

        try
        {
            await using var gateway = await DomainGateway.StartAsync(new Dictionary<string, string?>
            {
                ["Auth:SigningKeysFile"] = jwks,
                ["Auth:Issuer"] = "https://login.example.test",
                ["Web:Oidc:Authority"] = "https://login.example.test",
                ["Web:Oidc:ClientId"] = "tilsyn-web",
                ["Auth:Demo"] = "false",
            }, dataDirectory: data);
            using var http = HttpTo(gateway);

            var config = await http.GetFromJsonAsync<JsonElement>("/web/config");
            var signIn = await http.PostAsJsonAsync("/web/demo/sign-in", new { label = "administration" });
            var identities = await http.GetAsync("/web/demo/identities");

            Assert.Equal("oidc", config.GetProperty("signIn").GetString());
            Assert.Equal("tilsyn-web", config.GetProperty("oidc").GetProperty("clientId").GetString());
            Assert.NotEqual(HttpStatusCode.OK, signIn.StatusCode);
            Assert.DoesNotContain("token", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.False(identities.IsSuccessStatusCode && identities.Content.Headers.ContentType?.MediaType == "application/json",
                "no demo identities are listed");
            Assert.False(Directory.Exists(Path.Combine(data, "auth")), "no local signing key outside demo mode");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task BuiltFilesAreServedAndAppRoutesFallBackToIndexForGetOnly()
    {
        var root = Directory.CreateTempSubdirectory("tilsyn-web-root-").FullName;
        await File.WriteAllTextAsync(Path.Combine(root, "index.html"), "<!doctype html><html lang=\"da\"><title>Tilsyn</title></html>");
        await File.WriteAllTextAsync(Path.Combine(root, "app.js"), "console.log('tilsyn');");
        try
        {
            await using var gateway = await DomainGateway.StartAsync(new Dictionary<string, string?> { ["Web:Root"] = root });
            using var http = HttpTo(gateway);

            var script = await http.GetAsync("/app.js");
            var callback = await http.GetAsync("/oidc/callback?code=x&state=y");
            var unknownMethod = await gateway.CallAsync("/tilsyn.v1.Units/NoSuchMethod", new ListUnitsRequest(), gateway.Administration);

            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
            Assert.Contains("lang=\"da\"", await callback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", callback.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal(StatusCode.Unimplemented, unknownMethod.Status);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static HttpClient HttpTo(DomainGateway gateway)
    {
        var addresses = gateway.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new HttpClient { BaseAddress = new Uri(addresses.ElementAt(1)) };
    }
}
