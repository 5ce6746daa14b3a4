using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Hosting;
using OrleansTilsyn.Gateway.Security;
using Orleans;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;
using OrleansTilsyn.Gateway.Tests.Domain.Storage;
using OrleansTilsyn.Grains.Audit;

namespace OrleansTilsyn.Gateway.Tests.Domain;

/// <summary>
/// The whole gateway as Program.cs builds it (tilsyn.v1 services over a co-hosted silo, security, the
/// demo organisation seeded on an empty store) on loopback ports chosen by the OS (its silo on free ports of its own),
/// in-memory store by default, the domain clock started at <see cref="Start"/>, in demo mode unless the settings say <c>Auth:Demo=false</c>.
/// Tokens are signed with its local key.
/// </summary>
internal sealed class DomainGateway : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 4, 20, 8, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;
    private readonly string? _ownedDataDirectory;

    private DomainGateway(WebApplication app, string contentRoot, string? ownedDataDirectory, ListLoggerProvider logs, StoreCounts counts)
    {
        _app = app;
        Counts = counts;
        ContentRoot = contentRoot;
        _ownedDataDirectory = ownedDataDirectory;
        Logs = logs;
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Select(a => new Uri(a)).ToArray();
        Client = new GrpcTestClient(addresses[0], addresses[1]);
        HttpAddress = addresses[1];
    }

    /// <summary>The content root: relative data folders are in it.</summary>
    public string ContentRoot { get; }

    /// <summary>The HTTP/1.1 listener (gRPC-Web, JSON, pages).</summary>
    public Uri HttpAddress { get; }

    public GrpcTestClient Client { get; }

    public ListLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Grain states and audit events written since the start (counted around the gateway's own stores).</summary>
    public StoreCounts Counts { get; }

    public IAuditLog AuditLog => Services.GetRequiredService<IAuditLog>();

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>Every audit event of a grain (<c>unit/&lt;key&gt;</c>), oldest first.</summary>
    public async Task<IReadOnlyList<AuditEvent>> AuditAsync(string grain)
    {
        var events = new List<AuditEvent>();
        for (long? after = 0; after is { } from;)
        {
            var page = await AuditLog.ReadAsync(grain, from, AuditRules.PageMaxSize, CancellationToken.None);
            events.AddRange(page.Events);
            after = page.NextAfterVersion;
        }

        return events;
    }

    /// <summary>Every reminder the silo's reminder table holds.</summary>
    public async Task<IReadOnlyList<ReminderEntry>> RemindersAsync() =>
        [.. (await Services.GetRequiredService<IReminderTable>().ReadRows(0, 0)).Reminders];

    /// <param name="settings">Configuration on top of the defaults (memory store, Clock:Start, free silo ports).</param>
    /// <param name="storage">Wraps the gateway's default Orleans grain storage (e.g. <see cref="GatedStorage.Wrap"/>).</param>
    /// <param name="dataDirectory">Reuse a data folder (a second start on the same SQLite file); a new temporary one otherwise.</param>
    /// <param name="services">More service registrations (before the gateway's own, so they win where it only adds defaults).</param>
    public static async Task<DomainGateway> StartAsync(
        IDictionary<string, string?>? settings = null, Func<IGrainStorage, IGrainStorage>? storage = null, string? dataDirectory = null, Action<IServiceCollection>? services = null)
    {
        var data = dataDirectory ?? Directory.CreateTempSubdirectory("tilsyn-domain-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = data, EnvironmentName = "Production" });
        var configuration = new Dictionary<string, string?>
        {
            ["Storage:Engine"] = "memory",
            ["Storage:DataDirectory"] = data,
            ["Gateway:Endpoints:Host"] = "127.0.0.1",
            ["Gateway:Endpoints:GrpcPort"] = "0",
            ["Gateway:Endpoints:HttpPort"] = "0",
            ["Clock:Start"] = Start.ToString("O"),
            ["Silo:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Silo:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Auth:Demo"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        var logs = new ListLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        var counts = new StoreCounts();
        services?.Invoke(builder.Services);
        builder.Host.UseServiceProviderFactory(new LateServiceDecoration(
        [
            s => s.DecorateKeyed<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (_, inner) => counts.Wrap(storage is null ? inner : storage(inner))),
            s => s.Decorate<IAuditLog>((_, inner) => counts.Wrap(inner)),
        ]));
        var app = GatewayApplication.Build(builder);
        await app.StartAsync();
        return new DomainGateway(app, data, dataDirectory is null ? data : null, logs, counts);
    }

    /// <summary>A loopback port free now (the OS's choice), so gateways in one test process never share silo ports.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public string Token(CallerRole role, string roleId, params string[] units) =>
        new LocalTokenIssuer(Services.GetRequiredService<LocalSigningKey>(), AuthOptions.LocalIssuer, AuthOptions.DefaultAudience, TimeProvider.System)
            .Issue(new TokenIdentity("test", $"person-{roleId}", role, roleId, [.. units], "test"), TimeSpan.FromHours(1));

    public string Administration => Token(CallerRole.Administration, "forvaltningen-1");

    public string Chief(string chiefId = "bu-chef-1") => Token(CallerRole.Chief, chiefId);

    public string Leader(string unit) => Token(CallerRole.Leader, $"leder-{unit}", unit);

    /// <summary>Native gRPC call with a token and an optional grpc-timeout header value (e.g. <c>300m</c>).</summary>
    public Task<GrpcResult> CallAsync(string path, byte[] body, string? token, string? timeout = null) =>
        Client.CallAsync(path, body, r =>
        {
            if (token is not null) r.Headers.TryAddWithoutValidation("authorization", $"Bearer {token}");
            if (timeout is not null) r.Headers.TryAddWithoutValidation("grpc-timeout", timeout);
        });

    public Task<GrpcResult> CallAsync(string path, IMessage request, string? token, string? timeout = null) => CallAsync(path, Frames.Message(request), token, timeout);

    /// <summary>The response of a call that must succeed.</summary>
    public async Task<T> OkAsync<T>(string path, IMessage request, string? token, MessageParser<T> parser)
        where T : IMessage<T>
    {
        var result = await CallAsync(path, request, token);
        Assert.True(result.Status == StatusCode.OK, $"{path}: {result.Status} {result.StatusMessage}");
        return result.Single(parser);
    }

    public async Task<string> HealthAsync()
    {
        var result = await Client.CallAsync("/grpc.health.v1.Health/Check", new global::Grpc.Health.V1.HealthCheckRequest());
        return result.Single(global::Grpc.Health.V1.HealthCheckResponse.Parser).Status.ToString().ToUpperInvariant();
    }

    /// <summary>Handler failures the protocol layer logged as errors (an unexpected exception in a tilsyn.v1 handler).</summary>
    public IEnumerable<ListLoggerProvider.LogEntry> HandlerFailures =>
        Logs.Entries.Where(e => e.Level >= LogLevel.Error && e.Category == typeof(ErrorInterceptor).FullName);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownedDataDirectory is not null)
        {
            Directory.Delete(_ownedDataDirectory, recursive: true);
        }
    }
}
