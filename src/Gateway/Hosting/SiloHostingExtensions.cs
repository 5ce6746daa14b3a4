using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Reminders;
using Orleans.Runtime;
using OrleansTilsyn.Gateway.Security;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Silo.Audit;
using OrleansTilsyn.Silo.Hosting;

namespace OrleansTilsyn.Gateway.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>The in-memory stores (tests, throwaway demos): nothing is kept.</summary>
    public const string MemoryEngine = "memory";

    /// <summary>
    /// Co-hosts an Orleans silo in the gateway process on the stores chosen by <c>Storage</c> (<see cref="TilsynStorageOptions"/>:
    /// <c>sqlite</c>, the embedded default; <c>azure</c>, a cluster; or <c>memory</c>). Silo ports come from <c>Silo:SiloPort</c>
    /// and <c>Silo:GatewayPort</c> (the embedded default's when unset). With <c>Clock:Start</c> the grains and reminders run
    /// on the started domain clock. An empty store is given the demo organisation unless <c>Demo:SeedWhenEmpty</c> is false.
    /// </summary>
    public static WebApplicationBuilder AddCoHostedSilo(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(TilsynStorageOptions.SectionName).Get<TilsynStorageOptions>() ?? new();
        var silo = builder.Configuration.GetSection(CoHostedSiloOptions.SectionName).Get<CoHostedSiloOptions>() ?? new();
        var domainClock = DomainClock.From(builder.Configuration);
        builder.UseOrleans(orleans =>
        {
            if (storage.Engine == MemoryEngine)
            {
                orleans.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort);
                orleans.AddMemoryGrainStorageAsDefault();
                orleans.UseInMemoryReminderService();
                orleans.Services.AddMemoryAuditLog();
            }
            else
            {
                if (storage.Engine == TilsynStorageOptions.Azure) orleans.Configure<EndpointOptions>(o => (o.SiloPort, o.GatewayPort) = (silo.SiloPort, silo.GatewayPort));
                orleans.UseTilsynStores(storage, builder.Environment.ContentRootPath, silo.SiloPort, silo.GatewayPort);
            }

            orleans.AddActivityPropagation(); // a gateway call is one trace through its grain calls and storage writes
            orleans.Services.AddCommittingGrains(agenda =>
            {
                builder.Configuration.GetSection("Agenda").Bind(agenda);
                if (domainClock is not null) agenda.Heartbeat = Longest(agenda.Heartbeat, domainClock.ToDomain(AcceleratedHeartbeat));
            });
            orleans.Services.AddStoredAsJsonSerialization();
            // Optional failure-detection tuning (e.g. a local cluster's faster death declaration); Orleans' defaults otherwise.
            orleans.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection(CoHostedSiloOptions.MembershipSectionName));
            if (silo.ClusterId is { } clusterId) orleans.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, silo.ServiceId ?? "orleans-tilsyn"));
            if (domainClock is not null)
            {
                orleans.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, domainClock);
                orleans.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, domainClock);
                // Orleans reads the reminder table on the reminders' clock; an accelerated clock must not turn that into a busy loop.
                // Orleans requires reminders to be loaded at least one refresh ahead of their tick (twice by default).
                orleans.Configure<ReminderOptions>(o =>
                {
                    o.RefreshReminderListPeriod = Longest(o.RefreshReminderListPeriod, domainClock.ToDomain(AcceleratedHeartbeat));
                    o.ReminderLoadingWindow = Longest(o.ReminderLoadingWindow, 2 * o.RefreshReminderListPeriod);
                });
            }
        });
        builder.Services.AddLoopTelemetry(o => builder.Configuration.GetSection("Telemetry:Loop").Bind(o));
        builder.Services.AddSingleton<StoreHealthProbe>();
        builder.Services.AddHostedService(services => services.GetRequiredService<StoreHealthProbe>());
        builder.Services.AddHealthChecks().AddCheck<StoreHealthProbe>("store");
        builder.Services.AddHostedService<DataFolderPermissions>();
        var demo = builder.Configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new();
        if (demo.SeedWhenEmpty ?? AuthStartup.Resolve(builder.Configuration, builder.Environment).Demo)
        {
            // After the silo's hosted service, so the silo runs; before the server, so the first call sees the demo.
            builder.Services.AddHostedService<DemoOrganisationSeeder>();
        }

        return builder;
    }

    /// <summary>On an accelerated domain clock, the real time between a grain's heartbeat wakes and between reminder table reads at the least.</summary>
    private static readonly TimeSpan AcceleratedHeartbeat = TimeSpan.FromMinutes(1);

    private static TimeSpan Longest(TimeSpan a, TimeSpan b) => a >= b ? a : b;
}

/// <summary>The co-hosted silo's own settings (configuration section <c>Silo</c>).</summary>
public sealed class CoHostedSiloOptions
{
    public const string SectionName = "Silo";

    /// <summary>
    /// Optional settings of Orleans' <see cref="ClusterMembershipOptions"/> (e.g. <c>Silo:Membership:ProbeTimeout</c>,
    /// <c>NumMissedProbesLimit</c>, <c>NumVotesForDeathDeclaration</c>): how soon a silo that stopped answering is
    /// declared dead. Unset in production (Orleans' defaults); deploy/cluster.env shortens it for the local cluster.
    /// </summary>
    public const string MembershipSectionName = SectionName + ":Membership";

    public int SiloPort { get; set; } = EndpointOptions.DEFAULT_SILO_PORT;

    public int GatewayPort { get; set; } = EndpointOptions.DEFAULT_GATEWAY_PORT;

    /// <summary>The cluster's id (all silos of one cluster share it); Orleans' default when unset.</summary>
    public string? ClusterId { get; set; }

    public string? ServiceId { get; set; }
}
