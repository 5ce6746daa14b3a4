using System.Collections.Immutable;
using System.Text.Json;
using OrleansTilsyn.Grains.Domain;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Tasks;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

public sealed class AgendaTests
{
    private static readonly DateTimeOffset T = At(2023, 4, 1, 0);

    private static AgendaChange Schedule(string name, DateTimeOffset dueAt) => new AgendaChange.Schedule(name, dueAt);

    private static Agenda Of(params (string Name, DateTimeOffset DueAt)[] items) => Agenda.Empty.Apply(items.Select(i => Schedule(i.Name, i.DueAt)));

    [Fact]
    public void ChangesApplyInOrderAScheduleReplacingTheItemOfItsNameAndACancelRemovingIt()
    {
        var agenda = Agenda.Empty.Apply([
            Schedule("a", T), Schedule("b", T.AddDays(1)), Schedule("a", T.AddDays(2)), new AgendaChange.Cancel("b"), new AgendaChange.Cancel("missing"),
            Schedule("c", T.AddDays(3)), new AgendaChange.Cancel("c"), Schedule("c", T.AddDays(4))]);
        Assert.Equal([new DueItem("a", T.AddDays(2)), new DueItem("c", T.AddDays(4))], agenda.Items.ToArray());
        Assert.Equal(new DueItem("c", T.AddDays(4)), agenda.Find("c"));
        Assert.Null(agenda.Find("b"));
        Assert.Equal(0, Agenda.Empty.Count);
    }

    [Fact]
    public void NextIsTheEarliestItemWithTiesBrokenByOrdinalName()
    {
        var agenda = Of(("b", T), ("a", T.AddMinutes(1)), ("B", T), ("c", T.AddMinutes(-1)));
        Assert.Equal(new DueItem("c", T.AddMinutes(-1)), agenda.Next);
        Assert.Equal(new DueItem("B", T), agenda.Without(agenda.Next!).Next);
        Assert.Equal(["c", "B", "b", "a"], agenda.Items.Select(i => i.Name));
        Assert.Null(Agenda.Empty.Next);
    }

    [Fact]
    public void DueByGivesTheItemsDueAtOrBeforeTheInstantInDueOrder()
    {
        var agenda = Of(("late", T.AddDays(1)), ("on-the-dot", T), ("early", T.AddDays(-3)));
        Assert.Equal([new DueItem("early", T.AddDays(-3)), new DueItem("on-the-dot", T)], agenda.DueBy(T).ToArray());
        Assert.Empty(agenda.DueBy(T.AddDays(-4)));
        Assert.Equal(3, agenda.DueBy(T.AddYears(1)).Length);
    }

    [Fact]
    public void WithoutRemovesExactlyThatItemAndNotOneRescheduledUnderItsName()
    {
        var ran = new DueItem("a", T);
        var rescheduled = Of(("a", T), ("b", T)).Apply([Schedule("a", T.AddDays(1))]);
        Assert.Same(rescheduled, rescheduled.Without(ran));
        Assert.Equal(Of(("b", T)), rescheduled.Without(new DueItem("a", T.AddDays(1))));
        Assert.Equal(Of(("a", T.AddDays(1))), rescheduled.Without(new DueItem("b", T)));
    }

    [Fact]
    public void AgendasWithTheSameItemsAreEqualHowEverTheyWereBuilt()
    {
        var a = Of(("x", T), ("y", T.AddDays(1)));
        var b = Of(("y", T.AddDays(5)), ("x", T), ("z", T)).Apply([Schedule("y", T.AddDays(1)), new AgendaChange.Cancel("z")]);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, a.Apply([Schedule("x", T.AddMinutes(1))]));
        Assert.Equal(a, JsonSerializer.Deserialize<Agenda>(JsonSerializer.Serialize(a)));
    }

    [Fact]
    public void AnAgendaIsBoundedAndHoldsOneItemPerName()
    {
        var full = Agenda.Empty.Apply(Enumerable.Range(0, Agenda.MaxItems).Select(i => Schedule($"item:{i}", T.AddMinutes(i))));
        Assert.Equal(Agenda.MaxItems, full.Count);
        Assert.Equal(Agenda.MaxItems, full.Apply([Schedule("item:0", T.AddDays(9))]).Count);
        Assert.Throws<DomainInvariantException>(() => full.Apply([Schedule("one-too-many", T)]));
        Assert.Throws<DomainInvariantException>(() => new Agenda([new DueItem("a", T), new DueItem("a", T.AddDays(1))]));
    }

    [Theory]
    [InlineData(Sector.Dagtilbud, false)]
    [InlineData(Sector.Dagtilbud, true)]
    [InlineData(Sector.Fu, false)]
    public void AfterALongOutageTheLoopEndsAsOnTimeRemindersWouldHaveLeftIt(Sector sector, bool selfOwned)
    {
        var (start, agenda, scheduled) = StartedWithAgenda(Unit(sector, selfOwned));
        var end = DomainDates.StartOf(start.Calendar.NextTreatment).AddDays(-1);
        var (onTime, pending) = OnTimeReminders.DeliverUntil(start, scheduled, end);

        var run = AgendaRun.Run(start, agenda, end, Deliver);

        Assert.Equal(Normalised(onTime), Normalised(run.State));
        Assert.Equal(Agenda.Empty.Apply(pending.Select(p => Schedule(p.Key, p.Value))), run.Agenda);
        Assert.False(run.MoreDue);
        Assert.Contains(run.State.Tasks.Items, t => t.State == TaskState.Overdue);
        Assert.Contains(run.State.Tasks.Items, t => t.Kind == TaskKind.Opsamling);
        if (selfOwned) Assert.Contains(run.State.Tasks.Items, t => t is { Kind: TaskKind.SubmitBoardReport, Assignee: AssigneeRole.Chief });
        Assert.Equal(run.Steps.Sum(s => s.Outcome.Effects.TasksRaised.Length), run.Effects.TasksRaised.Length);
    }

    [Fact]
    public void ItemsTheNextLoopSchedulesThatAreAlreadyDueRunInTheSameRun()
    {
        var (start, agenda, scheduled) = StartedWithAgenda(Unit());
        var end = At(2025, 9, 1);
        var (onTime, _) = OnTimeReminders.DeliverUntil(start, scheduled, end);

        var run = AgendaRun.Run(start, agenda, end, Deliver);

        Assert.Equal(start.Loop.Next(), run.State.Loop);
        Assert.Equal(Normalised(onTime), Normalised(run.State));
        var released = Assert.Single(run.Steps, s => s.Item.Name == "data-package-released:2025-Spring");
        Assert.Equal((At(2025, 2, 1, 0), At(2025, 3, 31, 0)), (released.Item.DueAt, released.At));
        Assert.All(run.Steps.Zip(run.Steps.Skip(1)), pair => Assert.True(pair.First.At <= pair.Second.At));
    }

    [Fact]
    public void EachItemRunsOnceEvenWhenHandlersScheduleItAgainAtTheSameTime()
    {
        var calls = new List<DueItem>();
        var run = AgendaRun.Run(Started(Unit()), Of(("x", T), ("y", T.AddHours(1))), T.AddDays(1), (s, item, at) =>
        {
            calls.Add(item);
            AgendaChange[] again = item.Name == "y" ? [Schedule("y", item.DueAt), Schedule("x", T)] : [Schedule("x", item.DueAt)];
            return new LoopOutcome(s, LoopEffects.None with { Reminders = [.. again] });
        });

        Assert.Equal([new DueItem("x", T), new DueItem("y", T.AddHours(1))], calls);
        Assert.Equal(Agenda.Empty, run.Agenda);
        Assert.False(run.MoreDue);
    }

    [Fact]
    public void AnItemRescheduledLaterStaysOnTheAgendaAndRunsAgainWhenThatIsDue()
    {
        var calls = new List<DueItem>();
        var run = AgendaRun.Run(Started(Unit()), Of(("tick", T)), T.AddMinutes(90), (s, item, at) =>
        {
            calls.Add(item);
            return new LoopOutcome(s, LoopEffects.None with { Reminders = [Schedule("tick", item.DueAt.AddHours(1))] });
        });

        Assert.Equal([new DueItem("tick", T), new DueItem("tick", T.AddHours(1))], calls);
        Assert.Equal(Of(("tick", T.AddHours(2))), run.Agenda);
    }

    [Fact]
    public void ABoundedRunStopsWithMoreDueAndLaterRunsContinueToTheSameEnd()
    {
        var (start, agenda, _) = StartedWithAgenda(Unit(selfOwned: true));
        var end = At(2025, 9, 1);
        var whole = AgendaRun.Run(start, agenda, end, Deliver);

        var runs = new List<AgendaRun> { AgendaRun.Run(start, agenda, end, Deliver, maxItems: 7) };
        while (runs[^1].MoreDue) runs.Add(AgendaRun.Run(runs[^1].State, runs[^1].Agenda, end, Deliver, maxItems: 7));

        Assert.True(runs.Count > 2);
        Assert.All(runs[..^1], r => Assert.Equal(7, r.Steps.Length));
        Assert.Equal(whole.Steps.Select(s => (s.Item, s.At)), runs.SelectMany(r => r.Steps).Select(s => (s.Item, s.At)));
        Assert.Equal(Normalised(whole.State), Normalised(runs[^1].State));
        Assert.Equal(whole.Agenda, runs[^1].Agenda);
    }

    [Fact]
    public void AHandlerThatKeepsSchedulingDueItemsIsStoppedAtTheDefaultBound()
    {
        var run = AgendaRun.Run(Started(Unit()), Of(("chain:0", T)), T.AddDays(30), (s, item, at) =>
        {
            var next = int.Parse(item.Name["chain:".Length..], System.Globalization.CultureInfo.InvariantCulture) + 1;
            return new LoopOutcome(s, LoopEffects.None with { Reminders = [Schedule($"chain:{next}", item.DueAt)] });
        });

        Assert.Equal(AgendaRun.DefaultMaxItems, run.Steps.Length);
        Assert.True(run.MoreDue);
        Assert.Equal(new DueItem($"chain:{AgendaRun.DefaultMaxItems}", T), Assert.Single(run.Agenda.Items));
    }

    [Fact]
    public async Task TheAsyncRunAppliesTheSameItemsAsTheSynchronousOne()
    {
        var (start, agenda, _) = StartedWithAgenda(Unit());
        var end = At(2025, 9, 1);
        var sync = AgendaRun.Run(start, agenda, end, Deliver);
        var async = await AgendaRun.RunAsync(start, agenda, end, async (s, item, at) =>
        {
            await Task.Yield();
            return Deliver(s, item, at);
        });

        Assert.Equal(sync.Steps.Select(s => (s.Item, s.At)), async.Steps.Select(s => (s.Item, s.At)));
        Assert.Equal(Normalised(sync.State), Normalised(async.State));
    }

    private static LoopOutcome Deliver(UnitLoopState s, DueItem item, DateTimeOffset at) => OnTimeReminders.Deliver(s, item.Name, item.DueAt, at);

    /// <summary>A loop just started on its 1 April, and the agenda its start scheduled.</summary>
    private static (UnitLoopState State, Agenda Agenda, ImmutableArray<AgendaChange> Scheduled) StartedWithAgenda(Unit unit)
    {
        var loop = unit.AgeArea == AgeArea.ZeroToSix ? Loop0To6Of2023 : Loop6To18Of2024;
        var started = Ok(LoopStart.Start(unit, loop, Wheel(unit), Themes(loop), At(loop.Year, 4, 1, 8)));
        return (started.State, Agenda.Empty.Apply(started.Effects.Reminders), started.Effects.Reminders);
    }

    /// <summary>The state as JSON with its tasks in id order (deliveries of equal due time may raise them in another order).</summary>
    private static string Normalised(UnitLoopState s) =>
        JsonSerializer.Serialize(s with { Tasks = new TaskBook([.. s.Tasks.Items.OrderBy(t => t.Id, StringComparer.Ordinal)]) });
}
