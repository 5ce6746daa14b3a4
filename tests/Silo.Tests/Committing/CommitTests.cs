using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Grains.Audit;
using OrleansTilsyn.Grains.Domain.Loop;
using Xunit;

namespace OrleansTilsyn.Silo.Tests.Committing;

public sealed class CommitTests : IAsyncLifetime
{
    private CommittingCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await CommittingCluster.StartAsync();

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task ANewGrainHasVersionZeroAndNoRecord()
    {
        var view = await cluster.Ledger("new").ReadAsync();

        Assert.Equal(0, view.Version);
        Assert.False(view.Exists);
        Assert.Empty(view.Entries);
        Assert.Equal(Agenda.Empty, view.Agenda);
    }

    [Fact]
    public async Task StateVersionAndAgendaSurviveReactivation()
    {
        var ledger = cluster.Ledger("round-trip");
        var dueAt = cluster.Host.Clock.Start + TimeSpan.FromDays(3);
        await ledger.AppendAsync("a");
        await ledger.AppendAsync("b");
        await ledger.ScheduleAsync("report", dueAt);

        await ledger.DeactivateAsync();
        var view = await ledger.ReadAsync();

        Assert.Equal(["a", "b"], view.Entries.ToArray());
        Assert.Equal(3, view.Version);
        Assert.True(view.Exists);
        Assert.Equal(new Agenda([new DueItem("report", dueAt)]), view.Agenda);
    }

    [Fact]
    public async Task EachAcknowledgedCommandIsAuditedOnceWithTheCallerAndTheGrainClock()
    {
        var ledger = cluster.Ledger("audited");
        var chief = new CallerIdentity("p-17", "Testperson 17", "chief", "chief-4", "unit dt-aadalen");
        using (CallerContext.As(chief))
        {
            await ledger.AppendAsync("first");
        }

        await cluster.Host.AdvanceAsync(TimeSpan.FromMinutes(5));
        await ledger.AppendAsync("second");

        var events = await cluster.AuditOf("audited");
        Assert.Equal(
            [
                new AuditEvent("ledger/audited", 1, cluster.Host.Clock.Start, new AuditActor("p-17", "Testperson 17", "chief", "chief-4", "unit dt-aadalen"), "append", "ok", "first"),
                new AuditEvent("ledger/audited", 2, cluster.Host.Clock.Start.AddMinutes(5), AuditActor.System, "append", "ok", "second"),
            ],
            events);
        Assert.Equal(2, cluster.Audit.Appended.Count);
    }

    [Fact]
    public async Task AFailedWriteLeavesStateAuditAndAgendaUntouchedAndTheNextCommandFollowsOnTheLastCommit()
    {
        var ledger = cluster.Ledger("atomic");
        await ledger.AppendAsync("a");
        cluster.FailingWrite.FailNext(new IOException("disk on fire (test)"));

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ledger.ScheduleAsync("never", cluster.Host.Clock.Start.AddDays(1)));

        Assert.Contains("disk on fire", failure.Message, StringComparison.Ordinal);
        var inMemory = await ledger.ReadAsync();
        await ledger.DeactivateAsync();
        var stored = await ledger.ReadAsync();
        Assert.All([inMemory, stored], view =>
        {
            Assert.Equal(["a"], view.Entries.ToArray());
            Assert.Equal(1, view.Version);
            Assert.Equal(Agenda.Empty, view.Agenda);
        });

        // A wake-up registered for the refused item (registration precedes the write) finds nothing due and goes.
        await cluster.Host.AdvanceAsync(TimeSpan.FromDays(2));
        Assert.Equal(["a"], (await ledger.ReadAsync()).Entries.ToArray());
        Assert.DoesNotContain(cluster.Host.Stores.ReminderRows, row => row.GrainId.ToString() == CommittingCluster.AuditGrain("atomic") && row.ReminderName == IAgendaGrain.WakeReminder);
        Assert.Equal([1L], (await cluster.AuditOf("atomic")).Select(e => e.Version));

        var next = await ledger.AppendAsync("b");

        Assert.Equal(["a", "b"], next.Entries.ToArray());
        Assert.Equal(2, next.Version);
        var events = await cluster.AuditOf("atomic");
        Assert.Equal([(1L, "append", "a"), (2L, "append", "b")], events.Select(e => (e.Version, e.Command, e.Detail)));
    }
}
