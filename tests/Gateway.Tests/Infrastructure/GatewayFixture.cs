namespace OrleansTilsyn.Gateway.Tests.Infrastructure;

/// <summary>One shared gateway per test class, with small message limits and one allowed browser origin.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public const int MaxMessageSize = 64 * 1024;
    public const string AllowedOrigin = "https://app.example";

    private GatewayTestServer? _server;

    public GatewayTestServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public GrpcTestClient Client => Server.Client;

    public async Task InitializeAsync() =>
        _server = await GatewayTestServer.StartAsync(options =>
        {
            options.MaxReceiveMessageSize = MaxMessageSize;
            options.MaxSendMessageSize = MaxMessageSize;
            options.CorsAllowedOrigins = [AllowedOrigin];
        });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
