using Xunit;

namespace OrleansTilsyn.Silo.Tests.Committing;

public sealed class OutboxTests : IAsyncLifetime
{
    private CommittingCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await CommittingCluster.StartAsync();

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task TheOutboxIsDeliveredAfterEachCommit()
    {
        var ledger = cluster.Ledger("delivered");
        await ledger.AppendAsync("a");
        await ledger.AppendAsync("b");

        Assert.Equal([("delivered", 1L), ("delivered", 2L)], cluster.Probe.Delivered);
    }

    [Fact]
    public async Task AFailingDeliveryNeverFailsTheCommandAndIsRetriedOnActivation()
    {
        var ledger = cluster.Ledger("retried");
        cluster.Probe.OutboxFailing = true;
        var view = await ledger.AppendAsync("a");
        Assert.Equal(1, view.Version);
        Assert.Empty(cluster.Probe.Delivered);

        cluster.Probe.OutboxFailing = false;
        await ledger.DeactivateAsync();
        await ledger.ReadAsync();

        Assert.Equal([("retried", 1L)], cluster.Probe.Delivered);
    }
}
