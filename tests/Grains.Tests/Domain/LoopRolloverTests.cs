using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Tasks;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

public sealed class LoopRolloverTests
{
    private static UnitLoopState WithOpenAgreement()
    {
        var s = Held(Started(Unit()), Spring2023, At(2023, 5, 10));
        return Ok(ConversationCommands.SubmitRecord(s, Spring2023, Record(s, new(2023, 5, 10)), Leader(s.Unit), At(2023, 5, 11))).State;
    }

    [Fact]
    public void LoopEndRaisesOpsamlingDueBeforeTheNextReport()
    {
        var s = LoopReminders.OnReminder(WithOpenAgreement(), "loop-end:0-6/2023", At(2024, 12, 16, 0), At(2024, 12, 16, 0)).State;
        var task = s.Tasks.Items.Single(t => t.Kind == TaskKind.Opsamling);
        Assert.Equal((AssigneeRole.Leader, new DateOnly(2025, 1, 15)), (task.Assignee, task.Due));
        var done = Ok(OpsamlingCommands.Submit(s, "Fælles sprog og relationsspiralen er forankret.", Leader(s.Unit), At(2025, 1, 10)));
        Assert.Equal(TaskKind.Opsamling, Assert.Single(done.Effects.TasksClosed).Kind);
        Fails(OpsamlingCommands.Submit(done.State, "igen", Leader(s.Unit), At(2025, 1, 11)), ProblemKind.AlreadyExists);
    }

    [Fact]
    public void OpsamlingWaitsForTheLastConversation() =>
        Fails(OpsamlingCommands.Submit(WithOpenAgreement(), "for tidligt", Leader(Unit()), At(2023, 6, 1)), ProblemKind.FailedPrecondition);

    [Fact]
    public void NextLoopCannotStartBeforeTheLastWindowCloses() =>
        Fails(LoopStart.StartNext(WithOpenAgreement(), Unit(), Wheel(Unit()), null, Admin, At(2024, 12, 1)), ProblemKind.FailedPrecondition);

    [Fact]
    public void NextLoopCarriesOpenAgreementsAndOpenTasksAndCancelsTheOldReminders()
    {
        var s = LoopReminders.OnReminder(WithOpenAgreement(), "loop-end:0-6/2023", At(2024, 12, 16, 0), At(2024, 12, 16, 0)).State;
        var outcome = LoopReminders.OnReminder(s, "next-loop:0-6/2025", At(2025, 3, 31, 0), At(2025, 3, 31, 0));
        Assert.True(outcome.Effects.IsEmpty);
        var next = Ok(LoopStart.OnNextLoopReminder(s, "next-loop:0-6/2025", s.Unit, Wheel(s.Unit), Themes(s.Loop.Next()), At(2025, 3, 31, 0)));
        Assert.Equal(new LoopId(AgeArea.ZeroToSix, 2025), next.State.Loop);
        Assert.Equal("2025-Spring", next.State.Conversations[0].Period.ToString());
        Assert.Single(next.State.Agreements.Open);
        Assert.Contains(next.State.Tasks.Open, t => t.Kind == TaskKind.Opsamling);
        Assert.Equal(1, Assert.Single(next.State.PastLoops).ConversationsHeld);
        Assert.Contains(next.Effects.Reminders, r => r is AgendaChange.Cancel { Name: "conversation-window-open:2024-Autumn" });
        Assert.Contains(next.Effects.Reminders, r => r is AgendaChange.Schedule { Name: "conversation-window-open:2025-Spring" });
        var redelivered = Ok(LoopStart.OnNextLoopReminder(next.State, "next-loop:0-6/2025", s.Unit, Wheel(s.Unit), null, At(2025, 3, 31, 1)));
        Assert.Same(next.State, redelivered.State);
        Assert.True(redelivered.Effects.IsEmpty);
    }

    [Fact]
    public void FlagChangesWaitForTheNextLoopButANewChiefTakesOverOpenTasksAtOnce()
    {
        var s = LoopReminders.OnReminder(Started(Unit()), "conversation-window-open:2023-Spring", At(2023, 4, 1, 0), At(2023, 4, 1, 0)).State;
        var changed = s.Unit with { SelfOwned = true, Chief = ChiefId.Parse("bu-chef-2"), Name = "Nyt navn" };
        var outcome = Ok(UnitCommands.Update(s, changed, Admin, At(2023, 4, 2)));
        Assert.False(outcome.State.Unit.SelfOwned);
        Assert.Equal("Nyt navn", outcome.State.Unit.Name);
        Assert.Equal("bu-chef-2", Assert.Single(outcome.Effects.TasksUpdated).Chief.Value);
        Fails(UnitCommands.Update(s, s.Unit with { Sector = Sector.Skole }, Admin, At(2023, 4, 2)), ProblemKind.Invalid);
    }
}
