using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace OrleansTilsyn.Silo.Tests.OrleansReminders;

/// <summary>
/// The conformance suite on Orleans' in-memory reminder table. That table is a front for a system grain, so it only
/// works inside a running silo: a one-silo InProcessTestCluster per class, its table resolved from the silo's services
/// and cleared before each test.
/// </summary>
public sealed class InMemoryReminderTableConformanceTests(InMemoryReminderTableConformanceTests.Silo silo)
    : ReminderTableConformanceTests, IClassFixture<InMemoryReminderTableConformanceTests.Silo>
{
    protected override async Task<IReminderTable> StartTableAsync()
    {
        var table = silo.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        await table.TestOnlyClearTable();
        return table;
    }

    public sealed class Silo : IAsyncLifetime
    {
        public InProcessTestCluster Cluster { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var builder = new InProcessTestClusterBuilder(1);
            builder.ConfigureSilo((_, silo) => silo.UseInMemoryReminderService());
            Cluster = builder.Build();
            await Cluster.DeployAsync();
        }

        public async Task DisposeAsync() => await Cluster.DisposeAsync();
    }
}
