using System.Globalization;
using Orleans;
using Orleans.Runtime;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Grains.Audit;
using OrleansTilsyn.Silo.Tests.Committing.TestGrains;
using OrleansTilsyn.Silo.Tests.OrleansHost;
using Xunit;

namespace OrleansTilsyn.Silo.Tests.Committing;

public sealed class AgendaWakeUpTests : IAsyncLifetime
{
    private static readonly AuditActor Schedule = new("system:schedule", "Årshjulet", "system", "system", "the unit's agenda");
    private CommittingCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await CommittingCluster.StartAsync();

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    private DateTimeOffset Start => cluster.Host.Clock.Start;

    [Fact]
    public async Task DueItemsAreAppliedOnceInDueOrderAsTheClockAdvancesWithTheReminderAtTheNextItem()
    {
        var ledger = cluster.Ledger("loop");
        await ledger.ScheduleAsync("day", Start.AddDays(1));
        await ledger.ScheduleAsync("hour", Start.AddHours(1));
        await ledger.ScheduleAsync("ten", Start.AddMinutes(10));
        Assert.Equal(Start.AddMinutes(10), WakeReminderAt("loop"));

        await cluster.Host.AdvanceAsync(TimeSpan.FromMinutes(10));
        Assert.Equal([$"ten@{Start.AddMinutes(10):O}"], (await ledger.ReadAsync()).Entries.ToArray());
        Assert.Equal(Start.AddHours(1), WakeReminderAt("loop"));

        await cluster.Host.AdvanceAsync(TimeSpan.FromMinutes(50));
        Assert.Equal(Start.AddDays(1), WakeReminderAt("loop"));

        await cluster.Host.AdvanceAsync(TimeSpan.FromDays(2));
        var view = await ledger.ReadAsync();
        Assert.Equal([$"ten@{Start.AddMinutes(10):O}", $"hour@{Start.AddHours(1):O}", $"day@{Start.AddDays(1):O}"], view.Entries.ToArray());
        Assert.Empty(view.Agenda.Items);
        Assert.Null(WakeReminderRow("loop"));

        var applied = (await cluster.AuditOf("loop")).Where(e => e.Command == "apply-due").ToList();
        Assert.Equal(["ten", "hour", "day"], applied.Select(e => e.Detail));
        Assert.All(applied, e => Assert.Equal(Schedule, e.Actor));
    }

    [Fact]
    public async Task AfterAnOutageTheCatchUpWakeAppliesEveryMissedItemInOrderOnce()
    {
        var ledger = cluster.Ledger("outage");
        await ledger.ScheduleAsync("ten", Start.AddMinutes(10));
        await ledger.ScheduleAsync("hour", Start.AddHours(1));
        await ledger.ScheduleAsync("day", Start.AddDays(1));

        await cluster.Host.StopSiloAsync(cluster.Host.Silos[0]);
        cluster.Host.Clock.Advance(TimeSpan.FromDays(2));
        var silo = await cluster.Host.StartSiloAsync();
        var restarted = OrleansTestHost.GrainFactoryOf(silo).GetGrain<ILedgerGrain>("outage");
        await restarted.WakeAsync();
        await restarted.WakeAsync();

        var now = Start.AddDays(2);
        var view = await restarted.ReadAsync();
        Assert.Equal([$"ten@{now:O}", $"hour@{now:O}", $"day@{now:O}"], view.Entries.ToArray());
        Assert.Equal(4, view.Version);
        Assert.Null(WakeReminderRow("outage"));
    }

    [Fact]
    public async Task OnlyACommitThatMovesTheNextItemEarlierWritesTheReminderTable()
    {
        var ledger = cluster.Ledger("writes");
        await ledger.ScheduleAsync("b", Start.AddDays(1));
        Assert.Equal(1, cluster.ReminderWrites.Total);

        await ledger.ScheduleAsync("c", Start.AddDays(2));
        await ledger.AppendAsync("unrelated");
        await ledger.DeactivateAsync();
        await ledger.ScheduleAsync("d", Start.AddDays(3));
        Assert.Equal(1, cluster.ReminderWrites.Total);

        await ledger.ScheduleAsync("a", Start.AddHours(1));
        Assert.Equal(2, cluster.ReminderWrites.Total);
        Assert.Equal(Start.AddHours(1), WakeReminderAt("writes"));

        foreach (var name in new[] { "a", "b", "c" }) await ledger.CancelAsync(name);
        Assert.Equal(2, cluster.ReminderWrites.Total);
        await ledger.CancelAsync("d");
        Assert.Equal(3, cluster.ReminderWrites.Total);
        Assert.Null(WakeReminderRow("writes"));
    }

    [Fact]
    public async Task AnItemScheduledAlreadyDueIsAppliedAtOnce()
    {
        var ledger = cluster.Ledger("overdue");
        await ledger.ScheduleAsync("late", Start.AddMinutes(-5));

        await cluster.Host.AdvanceAsync(TimeSpan.FromMinutes(1));

        // Orleans fires a reminder due now a millisecond later.
        var entry = Assert.Single((await ledger.ReadAsync()).Entries);
        Assert.StartsWith("late@", entry, StringComparison.Ordinal);
        Assert.InRange(DateTimeOffset.Parse(entry["late@".Length..], CultureInfo.InvariantCulture), Start, Start.AddSeconds(1));
        Assert.Null(WakeReminderRow("overdue"));
    }

    [Fact]
    public async Task AnItemTheGrainMakesNoProgressOnIsLeftToTheHeartbeatWithoutHoldingTheGrain()
    {
        var ledger = cluster.Ledger("stuck");
        await ledger.ScheduleAsync("stuck", Start.AddMinutes(10));
        await ledger.ScheduleAsync("later", Start.AddHours(2));

        await cluster.Host.AdvanceAsync(TimeSpan.FromHours(3));
        await ledger.WakeAsync();

        var view = await ledger.ReadAsync();
        Assert.Equal([$"later@{Start.AddHours(2):O}"], view.Entries.ToArray());
        Assert.Equal("stuck", Assert.Single(view.Agenda.Items).Name);
        Assert.NotNull(WakeReminderRow("stuck"));
    }

    private ReminderEntry? WakeReminderRow(string key) =>
        cluster.Host.Stores.ReminderRows.SingleOrDefault(r => r.GrainId.ToString() == CommittingCluster.AuditGrain(key) && r.ReminderName == IAgendaGrain.WakeReminder);

    private DateTimeOffset? WakeReminderAt(string key)
    {
        var rows = cluster.Host.Stores.ReminderRows.Where(r => r.GrainId.ToString() == CommittingCluster.AuditGrain(key)).ToList();
        var row = Assert.Single(rows);
        Assert.Equal(IAgendaGrain.WakeReminder, row.ReminderName);
        Assert.Equal(TimeSpan.FromHours(1), row.Period);
        return new DateTimeOffset(DateTime.SpecifyKind(row.StartAt, DateTimeKind.Utc));
    }
}
