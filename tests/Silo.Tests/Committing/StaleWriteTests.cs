using OrleansTilsyn.Contracts.Results;
using Xunit;

namespace OrleansTilsyn.Silo.Tests.Committing;

public sealed class StaleWriteTests : IAsyncLifetime
{
    private CommittingCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await CommittingCluster.StartAsync();

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task AStaleWriteIsRetriedOnceOnTheReloadedStateAndSucceeds()
    {
        var ledger = cluster.Ledger("stale-once");
        await ledger.AppendAsync("a");
        cluster.Stale.Next(1);

        var view = await ledger.AppendAsync("b");

        Assert.Equal(["a", "b"], view.Entries.ToArray());
        Assert.Equal(2, view.Version);
        Assert.Equal([1L, 2L], (await cluster.AuditOf("stale-once")).Select(e => e.Version));
        Assert.Equal(2, cluster.Probe.LoadsOf("stale-once"));
    }

    [Fact]
    public async Task ASecondStaleWriteIsAConflictAndNothingOfTheCommandIsApplied()
    {
        var ledger = cluster.Ledger("stale-always");
        await ledger.AppendAsync("a");
        cluster.Stale.Next(int.MaxValue);

        var refused = await Assert.ThrowsAsync<ProblemException>(() => ledger.AppendAsync("b"));
        cluster.Stale.Next(0);

        Assert.Equal(ProblemKind.Conflict, refused.Problem.Kind);
        var inMemory = await ledger.ReadAsync();
        await ledger.DeactivateAsync();
        var stored = await ledger.ReadAsync();
        Assert.All([inMemory, stored], view =>
        {
            Assert.Equal(["a"], view.Entries.ToArray());
            Assert.Equal(1, view.Version);
        });
        Assert.Equal([1L], (await cluster.AuditOf("stale-always")).Select(e => e.Version));
    }
}
