using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansTilsyn.Gateway.Api;
using OrleansTilsyn.Gateway.Security;

namespace OrleansTilsyn.Gateway.Tests.Security;

/// <summary>A real gateway with the production security wiring (JWT bearer, access gate, tilsyn.v1
/// surface) over a fresh data folder, so the local key is created as on a first start. In demo mode unless the
/// configuration says <c>Auth:Demo=false</c> (with a provider).</summary>
internal sealed class SecuredGateway : IAsyncDisposable
{
    private readonly bool _ownsDataDirectory;

    private SecuredGateway(GatewayTestServer server, string dataDirectory, bool ownsDataDirectory)
    {
        Server = server;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
    }

    public GatewayTestServer Server { get; }

    public string DataDirectory { get; }

    public LocalSigningKey LocalKey => Server.Services.GetRequiredService<LocalSigningKey>();

    public static async Task<SecuredGateway> StartAsync(IDictionary<string, string?>? configuration = null, string? dataDirectory = null)
    {
        var data = dataDirectory ?? Directory.CreateTempSubdirectory("tilsyn-security-").FullName;
        var settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = data, ["Auth:Demo"] = "true" };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var server = await GatewayTestServer.StartAsync(
            builderSetup: builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                builder.AddTilsynSecurity();
            },
            mapMore: NotServedApi.Map);
        return new SecuredGateway(server, data, ownsDataDirectory: dataDirectory is null);
    }

    public LocalTokenIssuer Issuer(TimeProvider? time = null, string issuer = AuthOptions.LocalIssuer, string audience = AuthOptions.DefaultAudience) =>
        new(LocalKey, issuer, audience, time ?? TimeProvider.System);

    public string Token(CallerRole role, string roleId, params string[] units) =>
        Issuer().Issue(new TokenIdentity("test", $"person-{roleId}", role, roleId, [.. units], "test"), TimeSpan.FromHours(1));

    /// <summary>Native gRPC call with an optional bearer token.</summary>
    public Task<GrpcResult> CallAsync(string path, IMessage request, string? token) =>
        Server.Client.CallAsync(path, request, r =>
        {
            if (token is not null)
            {
                r.Headers.TryAddWithoutValidation("authorization", $"Bearer {token}");
            }
        });

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        if (_ownsDataDirectory)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
