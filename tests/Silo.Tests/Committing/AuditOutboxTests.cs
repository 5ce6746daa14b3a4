using OrleansTilsyn.Grains.Audit;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Silo.Tests.OrleansHost;
using Xunit;

namespace OrleansTilsyn.Silo.Tests.Committing;

public sealed class AuditOutboxTests : IAsyncLifetime
{
    private CommittingCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await CommittingCluster.StartAsync(silos: 2);

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task ACommandIsAcknowledgedWhileTheAuditLogFailsAndItsEventFollowsWithTheNextCommit()
    {
        var ledger = cluster.Ledger("next-commit");
        cluster.Audit.Failing = true;
        var first = await ledger.AppendAsync("a");
        Assert.Equal(1, first.Version);
        Assert.Empty(await cluster.AuditOf("next-commit"));

        cluster.Audit.Failing = false;
        await ledger.AppendAsync("b");

        Assert.Equal([1L, 2L], (await cluster.AuditOf("next-commit")).Select(e => e.Version));
        Assert.Equal([1L, 2L], cluster.Audit.Appended.Select(e => e.Version));
    }

    [Fact]
    public async Task AnEventTheAuditLogRefusedIsAppendedWhenTheGrainIsActivatedAgain()
    {
        var ledger = cluster.Ledger("reactivated");
        await ledger.AppendAsync("a");
        cluster.Audit.Failing = true;
        await ledger.AppendAsync("b");
        await ledger.DeactivateAsync();
        cluster.Audit.Failing = false;

        var view = await ledger.ReadAsync();

        Assert.Equal(2, view.Version);
        var events = await cluster.AuditOf("reactivated");
        Assert.Equal([1L, 2L], events.Select(e => e.Version));
        Assert.Equal(["a", "b"], events.Select(e => e.Detail));
    }

    [Fact]
    public async Task AnEventWrittenBySiloThatDiedBeforeAppendingItIsAppendedByTheNextActivation()
    {
        var ledger = cluster.Ledger("crash");
        var silo = await ledger.SiloAsync();
        var hosting = cluster.Host.Silos.Single(s => s.SiloAddress.Equals(silo));
        var other = cluster.Host.Silos.Single(s => s != hosting);
        cluster.Audit.HoldNextAppend();

        var dying = ledger.AppendAsync("written, never acknowledged");
        await cluster.Audit.Held.WaitAsync(OrleansTestHost.Patience);
        await cluster.Host.KillSiloAsync(hosting);
        var view = await OrleansTestHost.GrainFactoryOf(other).GetGrain<TestGrains.ILedgerGrain>("crash").ReadAsync();

        Assert.Equal(1, view.Version);
        Assert.Equal(["written, never acknowledged"], view.Entries.ToArray());
        var events = await cluster.AuditOf("crash");
        Assert.Equal("written, never acknowledged", Assert.Single(events).Detail);
        Assert.False(dying.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task CommitsAreRefusedOnceTooManyEventsAreUnconfirmedAndResumeWhenTheLogIsBack()
    {
        var ledger = cluster.Ledger("backlog");
        cluster.Audit.Failing = true;
        for (var i = 0; i < CommittingGrain<TestGrains.LedgerState>.MaxUnconfirmedAudit; i++) await ledger.AppendAsync($"e{i}");

        await Assert.ThrowsAsync<AuditBacklogFullException>(() => ledger.AppendAsync("refused"));
        Assert.Equal(CommittingGrain<TestGrains.LedgerState>.MaxUnconfirmedAudit, (await ledger.ReadAsync()).Version);

        cluster.Audit.Failing = false;
        var resumed = await ledger.AppendAsync("accepted");

        Assert.Equal(CommittingGrain<TestGrains.LedgerState>.MaxUnconfirmedAudit + 1, resumed.Version);
        Assert.Equal(resumed.Version, await cluster.Audit.CountAsync(CommittingCluster.AuditGrain("backlog"), default));
        Assert.DoesNotContain("refused", resumed.Entries);
    }
}
