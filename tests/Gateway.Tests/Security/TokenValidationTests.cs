using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Grpc;
using Grpc.Health.V1;
using OrleansTilsyn.Gateway.Security;

namespace OrleansTilsyn.Gateway.Tests.Security;

public sealed class TokenValidationTests
{
    private const string GetWheelConfig = "/tilsyn.v1.Administration/GetWheelConfig";
    private static readonly GetWheelConfigRequest Request = new() { Name = "wheelConfigs/skole" };

    [Fact]
    public async Task CallWithoutTokenIsUnauthenticatedAndSaysHowToAuthenticate()
    {
        await using var gateway = await SecuredGateway.StartAsync();

        var result = await gateway.CallAsync(GetWheelConfig, Request, token: null);

        Assert.Equal(StatusCode.Unauthenticated, result.Status);
        Assert.Contains("Bearer", result.StatusMessage!);
    }

    [Fact]
    public async Task ValidTokenPassesToTheMethodWhichIsNotServedYet()
    {
        await using var gateway = await SecuredGateway.StartAsync();

        var result = await gateway.CallAsync(GetWheelConfig, Request, gateway.Token(CallerRole.Administration, "forvaltningen-1"));

        Assert.Equal(StatusCode.Unimplemented, result.Status);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0")]
    public async Task MalformedTokenIsUnauthenticated(string token)
    {
        await using var gateway = await SecuredGateway.StartAsync();

        var result = await gateway.CallAsync(GetWheelConfig, Request, token);

        Assert.Equal(StatusCode.Unauthenticated, result.Status);
        Assert.StartsWith("The bearer token", result.StatusMessage!);
    }

    [Fact]
    public async Task ExpiredTokenIsUnauthenticatedAsExpired()
    {
        await using var gateway = await SecuredGateway.StartAsync();
        var yesterday = new FixedTime(TimeProvider.System.GetUtcNow().AddDays(-1));
        var token = gateway.Issuer(yesterday).Issue(Admin, TimeSpan.FromHours(1));

        var result = await gateway.CallAsync(GetWheelConfig, Request, token);

        Assert.Equal(StatusCode.Unauthenticated, result.Status);
        Assert.Equal("The bearer token has expired.", result.StatusMessage);
    }

    [Fact]
    public async Task TokenSignedWithAnotherKeyIsUnauthenticated()
    {
        await using var gateway = await SecuredGateway.StartAsync();
        var otherFolder = Directory.CreateTempSubdirectory("tilsyn-other-key-").FullName;
        var otherKey = LocalSigningKey.LoadOrCreate(Path.Combine(otherFolder, "key.pem"));
        var token = new LocalTokenIssuer(otherKey, AuthOptions.LocalIssuer, AuthOptions.DefaultAudience, TimeProvider.System).Issue(Admin, TimeSpan.FromHours(1));
        Directory.Delete(otherFolder, recursive: true);

        var result = await gateway.CallAsync(GetWheelConfig, Request, token);

        Assert.Equal(StatusCode.Unauthenticated, result.Status);
        Assert.Equal("The bearer token's signature is not valid.", result.StatusMessage);
    }

    [Fact]
    public async Task TokenOfAnotherIssuerOrAudienceIsUnauthenticated()
    {
        await using var gateway = await SecuredGateway.StartAsync();

        var otherIssuer = await gateway.CallAsync(GetWheelConfig, Request, gateway.Issuer(issuer: "someone-else").Issue(Admin, TimeSpan.FromHours(1)));
        var otherAudience = await gateway.CallAsync(GetWheelConfig, Request, gateway.Issuer(audience: "another-api").Issue(Admin, TimeSpan.FromHours(1)));

        Assert.Equal((StatusCode.Unauthenticated, "The bearer token was issued by another issuer."), (otherIssuer.Status, otherIssuer.StatusMessage));
        Assert.Equal((StatusCode.Unauthenticated, "The bearer token is for another audience."), (otherAudience.Status, otherAudience.StatusMessage));
    }

    [Fact]
    public async Task UnsignedTokenIsUnauthenticated()
    {
        await using var gateway = await SecuredGateway.StartAsync();
        var unsigned = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.LocalIssuer,
            Audience = AuthOptions.DefaultAudience,
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["sub"] = "x", [CallerClaims.Role] = "administration" },
            Subject = new ClaimsIdentity(),
        });

        var result = await gateway.CallAsync(GetWheelConfig, Request, unsigned);

        Assert.Equal(StatusCode.Unauthenticated, result.Status);
    }

    [Fact]
    public async Task ValidTokenWithoutRoleIsPermissionDeniedNamingTheClaim()
    {
        await using var gateway = await SecuredGateway.StartAsync();
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.LocalIssuer,
            Audience = AuthOptions.DefaultAudience,
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["sub"] = "person-1" },
            Subject = new ClaimsIdentity(),
            SigningCredentials = gateway.LocalKey.SigningCredentials,
        });

        var result = await gateway.CallAsync(GetWheelConfig, Request, token);

        Assert.Equal(StatusCode.PermissionDenied, result.Status);
        Assert.Contains(CallerClaims.Role, result.StatusMessage!);
    }

    [Fact]
    public async Task RoleThatMayNeverCallTheMethodIsPermissionDeniedWithAReason()
    {
        await using var gateway = await SecuredGateway.StartAsync();

        var result = await gateway.CallAsync(
            "/tilsyn.v1.Loops/GetConversation",
            new GetConversationRequest { Name = "units/strandens-dagtilbud/loop/conversations/2025-Spring" },
            gateway.Token(CallerRole.Operations, "drift-1"));

        Assert.Equal(StatusCode.PermissionDenied, result.Status);
        Assert.Equal(
            "Operations may not read the meeting content (minutes, agendas, agreements). Operations sees loop health and metrics only, never meeting content.",
            result.StatusMessage);
    }

    [Fact]
    public async Task OperationsPassesTheGateOfTheOperationsService()
    {
        await using var gateway = await SecuredGateway.StartAsync();

        var result = await gateway.CallAsync(
            "/tilsyn.v1.Operations/GetLoopHealthSummary", new GetLoopHealthSummaryRequest(), gateway.Token(CallerRole.Operations, "drift-1"));

        Assert.Equal(StatusCode.Unimplemented, result.Status);
    }

    [Fact]
    public async Task HealthStaysAnonymous()
    {
        await using var gateway = await SecuredGateway.StartAsync();

        var result = await gateway.CallAsync("/grpc.health.v1.Health/Check", new HealthCheckRequest(), token: null);

        Assert.Equal(StatusCode.OK, result.Status);
    }

    [Fact]
    public async Task LocalKeyIsCreatedOnFirstStartAndReusedAfterARestart()
    {
        var data = Directory.CreateTempSubdirectory("tilsyn-restart-").FullName;
        string token;
        string keyId;
        await using (var first = await SecuredGateway.StartAsync(dataDirectory: data))
        {
            token = first.Token(CallerRole.Administration, "forvaltningen-1");
            keyId = first.LocalKey.Key.KeyId!;
            Assert.Equal(Path.Combine(data, "auth", "local-signing-key.pem"), first.LocalKey.Path);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(first.LocalKey.Path));
            }
        }

        await using var second = await SecuredGateway.StartAsync(dataDirectory: data);
        var result = await second.CallAsync(GetWheelConfig, Request, token);
        Directory.Delete(data, recursive: true);

        Assert.Equal(keyId, second.LocalKey.Key.KeyId);
        Assert.Equal(StatusCode.Unimplemented, result.Status);
    }

    [Fact]
    public async Task SigningKeysFileModeAcceptsTokensOfTheConfiguredIssuerOnly()
    {
        var folder = Directory.CreateTempSubdirectory("tilsyn-jwks-").FullName;
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var key = new ECDsaSecurityKey(ecdsa) { KeyId = "provider-key-1" };
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(ecdsa.ExportParameters(false))) { KeyId = "provider-key-1" });
        var jwksPath = Path.Combine(folder, "jwks.json");
        await File.WriteAllTextAsync(jwksPath, $"{{\"keys\":[{System.Text.Json.JsonSerializer.Serialize(jwk)}]}}");
        await using var gateway = await SecuredGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:SigningKeysFile"] = jwksPath,
            ["Auth:Issuer"] = "https://idp.example/realms/tilsyn",
            ["Auth:Demo"] = "false",
        });
        string Mint(string issuer) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = AuthOptions.DefaultAudience,
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["sub"] = "person-7", [CallerClaims.Role] = "administration" },
            Subject = new ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });

        var accepted = await gateway.CallAsync(GetWheelConfig, Request, Mint("https://idp.example/realms/tilsyn"));
        var rejected = await gateway.CallAsync(GetWheelConfig, Request, Mint(AuthOptions.LocalIssuer));
        Directory.Delete(folder, recursive: true);

        Assert.Equal(StatusCode.Unimplemented, accepted.Status);
        Assert.Equal(StatusCode.Unauthenticated, rejected.Status);
    }

    [Fact]
    public async Task UnreachableIdentityProviderIsUnavailableSayingItsMetadataCouldNotBeFetched()
    {
        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var authority = $"http://127.0.0.1:{port}/realms/tilsyn";
        await using var gateway = await SecuredGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:Demo"] = "false",
            ["Auth:Authority"] = authority,
            ["Auth:RequireHttpsMetadata"] = "false",
        });
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = authority,
            Audience = AuthOptions.DefaultAudience,
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["sub"] = "person-7", [CallerClaims.Role] = "administration" },
            Subject = new ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(ecdsa) { KeyId = "provider-key-1" }, SecurityAlgorithms.EcdsaSha256),
        });

        var result = await gateway.CallAsync(GetWheelConfig, Request, token);

        Assert.Equal(StatusCode.Unavailable, result.Status);
        Assert.Equal("The identity provider's metadata could not be fetched, so the bearer token cannot be checked now; try again later.", result.StatusMessage);
        Assert.Contains(gateway.Server.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning
            && e.Message.Contains($"{authority}/.well-known/openid-configuration could not be fetched", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, null, null, null, AuthMode.LocalKey)]
    [InlineData(false, "https://idp.example/realms/tilsyn", null, null, AuthMode.Oidc)]
    [InlineData(false, null, "keys.json", "https://idp.example", AuthMode.SigningKeys)]
    public void ModeFollowsWhatIsConfigured(bool demo, string? authority, string? keysFile, string? issuer, AuthMode mode)
    {
        var options = new AuthOptions { Demo = demo, Authority = authority, SigningKeysFile = keysFile, Issuer = issuer };

        Assert.Equal(mode, options.Mode);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void InconsistentConfigurationIsRefusedAtStart()
    {
        Assert.Contains(new AuthOptions { SigningKeysFile = "keys.json" }.Validate(), e => e.Contains("Auth:Issuer", StringComparison.Ordinal));
        Assert.Contains(new AuthOptions().Validate(), e => e.Contains("No bearer token validation is configured", StringComparison.Ordinal));
        Assert.Contains(new AuthOptions { Demo = true, SigningKeysFile = "k.json", Issuer = "https://idp.example" }.Validate(),
            e => e.Contains("Auth:Demo=true cannot be combined with Auth:SigningKeysFile", StringComparison.Ordinal));
        Assert.Contains(new AuthOptions { Authority = "https://idp.example", SigningKeysFile = "k.json" }.Validate(), e => e.Contains("not both", StringComparison.Ordinal));
        Assert.Contains(new AuthOptions { Authority = "not a url" }.Validate(), e => e.Contains("absolute URL", StringComparison.Ordinal));
        Assert.Contains(new AuthOptions { Audience = "" }.Validate(), e => e.Contains("Audience", StringComparison.Ordinal));
    }

    private static readonly TokenIdentity Admin = new("admin", "person-admin", CallerRole.Administration, "forvaltningen-1", [], "test");
}
