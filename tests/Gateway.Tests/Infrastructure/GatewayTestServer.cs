using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Hosting;

namespace OrleansTilsyn.Gateway.Tests.Infrastructure;

/// <summary>A real Kestrel gateway on loopback ports chosen by the OS: h2c for gRPC, HTTP/1.1 for
/// gRPC-Web and JSON, and optionally TLS. The echo service is registered.</summary>
public sealed class GatewayTestServer : IAsyncDisposable
{
    public const string TestUserHeader = "x-test-user";

    private readonly WebApplication _app;

    private GatewayTestServer(WebApplication app, ListLoggerProvider logs, IReadOnlyList<Uri> addresses, bool tls)
    {
        _app = app;
        Logs = logs;
        GrpcAddress = addresses[0];
        HttpAddress = addresses[1];
        TlsAddress = tls ? addresses[2] : null;
        Client = new GrpcTestClient(this);
    }

    public Uri GrpcAddress { get; }

    public Uri HttpAddress { get; }

    public Uri? TlsAddress { get; }

    public ListLoggerProvider Logs { get; }

    public GrpcTestClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public EchoProbe Probe => Services.GetRequiredService<EchoProbe>();

    public static async Task<GatewayTestServer> StartAsync(
        Action<GrpcGatewayOptions>? configure = null,
        bool tls = false,
        Action<IServiceCollection>? services = null,
        Action<IEndpointConventionBuilder>? conventions = null,
        Action<WebApplicationBuilder>? builderSetup = null,
        Action<IEndpointRouteBuilder>? mapMore = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var logs = new ListLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        var endpoints = new GatewayEndpointOptions
        {
            GrpcPort = 0,
            HttpPort = 0,
            TlsPort = tls ? 0 : null,
            Certificate = tls ? TestCertificate.Create() : null,
        };
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGateway(endpoints));
        builder.Services.AddGrpcGateway(options => configure?.Invoke(options));
        builder.Services.AddSingleton<EchoProbe>();
        builder.Services.AddSingleton<TestEcho>();
        services?.Invoke(builder.Services);
        builderSetup?.Invoke(builder);
        var authorize = conventions is not null;
        if (authorize)
        {
            builder.Services.AddAuthorization();
        }

        var app = builder.Build();
        app.Use((context, next) =>
        {
            if (context.Request.Headers[TestUserHeader].ToString() is { Length: > 0 } user)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], "Test"));
            }

            return next(context);
        });
        if (authorize)
        {
            if (app.Services.GetService<IAuthenticationSchemeProvider>() is not null)
            {
                app.UseAuthentication();
            }

            app.UseAuthorization();
        }

        app.UseGrpcGateway();
        app.MapGrpcGatewayBuiltIns();
        var grpc = app.MapGrpcGatewayService<TestEcho>();
        conventions?.Invoke(grpc);
        mapMore?.Invoke(app);
        await app.StartAsync();

        // Kestrel reports bound addresses in the order the listeners were added: h2c, HTTP/1.1, TLS.
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Select(address => new Uri(address))
            .ToArray();
        return new GatewayTestServer(app, logs, addresses, tls);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
