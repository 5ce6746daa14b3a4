using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;

namespace OrleansTilsyn.Gateway.Tests.Domain;

/// <summary>One header policy on every kind of response the service renders: pages, the front end, web JSON,
/// demo tokens, API calls in JSON, gRPC-Web and native gRPC. Content and tokens are never stored by caches; the
/// front end's files revalidate; source maps only in demo mode.</summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private string _root = "";

    public async Task InitializeAsync()
    {
        _root = Directory.CreateTempSubdirectory("tilsyn-headers-root-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_root, "index.html"), "<!doctype html><html lang=\"da\"><title>Tilsyn</title></html>");
        await File.WriteAllTextAsync(Path.Combine(_root, "app.js"), "console.log('tilsyn');\n//# sourceMappingURL=app.js.map");
        await File.WriteAllTextAsync(Path.Combine(_root, "app.js.map"), """{"version":3,"sources":["src/main.ts"],"mappings":""}""");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EveryKindOfResponseCarriesThePolicyAndContentIsNotStored()
    {
        await using var gateway = await DomainGateway.StartAsync(new Dictionary<string, string?> { ["Web:Root"] = _root });
        using var http = new HttpClient { BaseAddress = gateway.HttpAddress };
        var chief = gateway.Chief();
        var board = gateway.Token(CallerRole.Board, "bestyrelse-dt-havbrisen", "dt-havbrisen"); // a self-owned daycare's board writes its report

        using var print = await http.SendAsync(Get("/reports/dt-havbrisen/2026/print", board));
        using var health = await http.SendAsync(Get("/ops/health", gateway.Token(CallerRole.Operations, "drift-1")));
        using var token = await http.PostAsJsonAsync("/web/demo/sign-in", new { label = "administration" });
        using var config = await http.GetAsync("/web/config");
        using var identities = await http.GetAsync("/web/demo/identities");
        using var unauthenticated = await http.SendAsync(Get("/ops/health", token: null));
        var json = await gateway.Client.PostJsonAsync("/tilsyn.v1.Units/ListUnits", "{}", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chief));
        var grpcWeb = await gateway.Client.CallWebAsync("/tilsyn.v1.Units/ListUnits", Frames.Message(new ListUnitsRequest()), configure: r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chief));
        var grpc = await gateway.CallAsync("/tilsyn.v1.Units/ListUnits", new ListUnitsRequest(), chief);

        Assert.True(print.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"the print route answered: {print.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(StatusCode.OK, json.Status ?? StatusCode.OK);
        Assert.Equal(StatusCode.OK, grpcWeb.Status);
        Assert.Equal(StatusCode.OK, grpc.Status);
        foreach (var (kind, response) in new[]
        {
            ("print page", print), ("ops health page", health), ("demo token", token), ("web config", config), ("demo identities", identities),
            ("401", unauthenticated), ("API JSON", json.Response), ("gRPC-Web", grpcWeb.Response), ("gRPC", grpc.Response),
        })
        {
            AssertPolicy(kind, response);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{kind}: Cache-Control {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task TheFrontEndsFilesCarryThePolicyAndRevalidate()
    {
        await using var gateway = await DomainGateway.StartAsync(new Dictionary<string, string?> { ["Web:Root"] = _root });
        using var http = new HttpClient { BaseAddress = gateway.HttpAddress };

        using var index = await http.GetAsync("/");
        using var appRoute = await http.GetAsync("/enhed/dt-birkely");
        using var script = await http.GetAsync("/app.js");

        foreach (var (kind, response) in new[] { ("index.html", index), ("app route", appRoute), ("app.js", script) })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertPolicy(kind, response);
            Assert.True(response.Headers.CacheControl?.NoCache == true, $"{kind}: Cache-Control {response.Headers.CacheControl}");
        }
    }

    [Theory]
    [InlineData("true", HttpStatusCode.OK)]
    [InlineData("false", HttpStatusCode.NotFound)]
    public async Task SourceMapsAreServedOnlyInDemoMode(string demo, HttpStatusCode expected)
    {
        var settings = new Dictionary<string, string?> { ["Web:Root"] = _root, ["Auth:Demo"] = demo };
        if (demo == "false")
        {
            settings["Auth:Authority"] = "https://login.example.test/realms/tilsyn"; // not fetched: no token is validated here
        }

        await using var gateway = await DomainGateway.StartAsync(settings);
        using var http = new HttpClient { BaseAddress = gateway.HttpAddress };

        using var map = await http.GetAsync("/app.js.map");
        using var script = await http.GetAsync("/app.js");

        Assert.Equal(expected, map.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    private static HttpRequestMessage Get(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static void AssertPolicy(string kind, HttpResponseMessage response)
    {
        Assert.True(response.Headers.Value("Content-Security-Policy")?.Contains("frame-ancestors 'none'", StringComparison.Ordinal) == true, $"{kind}: CSP with frame-ancestors");
        Assert.True(response.Headers.Value("Content-Security-Policy")?.Contains("script-src 'self'", StringComparison.Ordinal) == true, $"{kind}: CSP limits scripts");
        Assert.Equal((kind, "nosniff", "DENY", "no-referrer"), (kind, response.Headers.Value("X-Content-Type-Options"), response.Headers.Value("X-Frame-Options"), response.Headers.Value("Referrer-Policy")));
    }
}
