using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Providers;
using Orleans.Storage;
using OrleansTilsyn.Grains.Audit;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Silo.Tests.Committing.TestGrains;
using OrleansTilsyn.Silo.Tests.OrleansHost;

namespace OrleansTilsyn.Silo.Tests.Committing;

/// <summary>
/// An <see cref="OrleansTestHost"/> for committing grains: one audit log shared by every silo, grain storage whose
/// writes can be made stale, and a reminder table that counts its writes.
/// </summary>
public sealed class CommittingCluster : IAsyncDisposable
{
    private CommittingCluster(OrleansTestHost host) => Host = host;

    public OrleansTestHost Host { get; private set; }

    public RecordingAuditLog Audit { get; } = new();

    public StaleWriteSwitch Stale { get; } = new();

    public FailingWriteSwitch FailingWrite { get; } = new();

    public ReminderWrites ReminderWrites { get; } = new();

    public LedgerProbe Probe { get; } = new();

    public static async Task<CommittingCluster> StartAsync(int silos = 1)
    {
        var cluster = new CommittingCluster(null!);
        cluster.Host = await OrleansTestHost.StartAsync(options =>
        {
            options.Silos = silos;
            options.ConfigureServices = services =>
            {
                services.AddSingleton<IAuditLog>(cluster.Audit);
                services.AddSingleton(cluster.Probe);
                services.AddCommittingGrains();
                services.DecorateKeyed<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (_, inner) => new StaleWriteGrainStorage(inner, cluster.Stale, cluster.FailingWrite));
                services.Decorate<IReminderTable>((_, inner) => new CountingReminderTable(inner, cluster.ReminderWrites));
            };
        });
        return cluster;
    }

    public ILedgerGrain Ledger(string key) => Host.GrainFactory.GetGrain<ILedgerGrain>(key);

    /// <summary>The events the audit log holds for the ledger, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEvent>> AuditOf(string key) => (await Audit.ReadAsync(AuditGrain(key), 0, AuditRules.PageMaxSize, default)).Events;

    public static string AuditGrain(string key) => $"ledger/{key}";

    public async ValueTask DisposeAsync()
    {
        Audit.Dispose();
        await Host.DisposeAsync();
    }
}
