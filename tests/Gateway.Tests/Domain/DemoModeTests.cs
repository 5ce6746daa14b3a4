using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using OrleansTilsyn.Gateway.Security;

namespace OrleansTilsyn.Gateway.Tests.Domain;

/// <summary>Demo sign-in and the local signing key exist only in explicit demo mode (Auth:Demo=true, on loopback,
/// without any provider setting); every other mix of settings refuses to start, naming the settings, before a key
/// file is written.</summary>
public sealed class DemoModeTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public async Task OidcSignInForTheFrontEndWithoutAProviderForTheApiRefusesToStart(string demo)
    {
        var failure = await StartFailsAsync(new()
        {
            ["Auth:Demo"] = demo,
            ["Web:Oidc:Authority"] = "https://login.example.test",
            ["Web:Oidc:ClientId"] = "tilsyn-web",
        });

        Assert.Contains("Web:Oidc:Authority, Web:Oidc:ClientId", failure.Message, StringComparison.Ordinal);
        Assert.Contains(demo == "true" ? "Auth:Demo=true cannot be combined with" : "set Auth:Authority", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSwitchNextToAnOidcProviderRefusesToStart()
    {
        var failure = await StartFailsAsync(new() { ["Auth:Demo"] = "true", ["Auth:Authority"] = "https://login.example.test/realms/tilsyn" });

        Assert.Contains("Auth:Demo=true cannot be combined with Auth:Authority", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Gateway:Endpoints:Host", "0.0.0.0")]
    [InlineData("Gateway:Endpoints:Host", "::")]
    [InlineData("Kestrel:Endpoints:Public:Url", "http://*:5099")]
    public async Task DemoSwitchOnANonLoopbackAddressRefusesToStart(string setting, string address)
    {
        var failure = await StartFailsAsync(new() { ["Auth:Demo"] = "true", [setting] = address });

        Assert.Contains($"{setting} is '{address}'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheDemoSwitchOrAProviderTheServiceRefusesToStart()
    {
        var failure = await StartFailsAsync(new() { ["Auth:Demo"] = "false" });

        Assert.Contains("set Auth:Authority (OIDC discovery) or Auth:SigningKeysFile with Auth:Issuer, or Auth:Demo=true", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoModeSaysSoAtStartWithTheKeyPathAndOffersDemoSignIn()
    {
        await using var gateway = await DomainGateway.StartAsync();
        using var http = new HttpClient { BaseAddress = gateway.HttpAddress };

        var signIn = await http.PostAsJsonAsync("/web/demo/sign-in", new { label = "administration" });

        var line = Assert.Single(gateway.Logs.Entries, e => e.Message.StartsWith("Demo mode (Auth:Demo=true)", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("in the Production environment", line.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("auth", "local-signing-key.pem"), line.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public void TheShippedSettingsAreTheDemoOnLoopback()
    {
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();

        var startup = AuthStartup.Resolve(shipped, new HostingEnvironment { EnvironmentName = "Production" });

        Assert.True(startup.Demo);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("localhost", true)]
    [InlineData("::1", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://tilsyn.example:80", false)]
    [InlineData("10.0.0.7", false)]
    public void LoopbackIsOnlyTheLocalMachine(string address, bool loopback) => Assert.Equal(loopback, AuthStartup.IsLoopback(address));

    /// <summary>Starting fails, and no local signing key was written on the way.</summary>
    private static async Task<InvalidOperationException> StartFailsAsync(Dictionary<string, string?> settings)
    {
        var data = Directory.CreateTempSubdirectory("tilsyn-demo-mode-").FullName;
        try
        {
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () => await (await DomainGateway.StartAsync(settings, dataDirectory: data)).DisposeAsync());
            Assert.False(Directory.Exists(Path.Combine(data, "auth")), "no local signing key was created");
            return failure;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
