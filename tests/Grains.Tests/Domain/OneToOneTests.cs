using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.FollowUps;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Tasks;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

public sealed class OneToOneTests
{
    private const string Key = "2023-Spring.1";

    private static (UnitLoopState State, OneToOne OneToOne) ComingDue()
    {
        var s = Started(Unit());
        var o = s.FindOneToOne(Key)!;
        var notice = LoopReminderPlan.ExpectedDue(s, ReminderNames.OneToOneDue(Key))!.Value;
        return (LoopReminders.OnReminder(s, ReminderNames.OneToOneDue(Key), notice, notice).State, o);
    }

    [Fact]
    public void OneToOneComingDueRaisesTaskForTheChiefDueOnItsDate()
    {
        var (s, o) = ComingDue();
        var task = Assert.Single(s.Tasks.Items);
        Assert.Equal((TaskKind.HoldOneToOne, AssigneeRole.Chief, o.Slot.Due), (task.Kind, task.Assignee, task.Due));
    }

    [Fact]
    public void OneToOneNotHeldByItsDueDateIsOverdue()
    {
        var (s, o) = ComingDue();
        var late = Grains.Domain.Calendar.DomainDates.EndOf(o.Slot.Due);
        var outcome = LoopReminders.OnReminder(s, ReminderNames.TasksOverdue, late, late);
        Assert.Equal(TaskState.Overdue, outcome.State.Tasks.Items[0].State);
        Assert.True(outcome.State.FindOneToOne(Key)!.IsOverdue(late));
        Assert.Equal(1, LoopQueries.Health(outcome.State, late).OneToOnesOverdue);
    }

    [Fact]
    public void HoldingAndRecordingAOneToOneClosesItsTaskAndLedgersAgreements()
    {
        var (s, o) = ComingDue();
        var heldAt = Grains.Domain.Calendar.DomainDates.StartOf(o.Slot.Due).AddHours(9);
        Fails(OneToOneCommands.Record(s, Key, new("Drøftet normering.", [], []), Chief(s.Unit), heldAt), ProblemKind.FailedPrecondition);
        var held = Ok(OneToOneCommands.Hold(s, Key, heldAt, Chief(s.Unit), heldAt.AddHours(1)));
        Assert.Equal(TaskState.Done, Assert.Single(held.Effects.TasksClosed).State);
        var draft = new OneToOneRecordDraft("Drøftet normering og sygefravær.", ["Ekstra 1:1 i august"],
            [new("Plan for sygefravær", "Dagtilbudsleder", o.Slot.Due.AddDays(30))]);
        var recorded = Ok(OneToOneCommands.Record(held.State, Key, draft, Leader(s.Unit), heldAt.AddHours(2)));
        Assert.Equal("one-to-one:2023-Spring.1#1", Assert.Single(recorded.State.Agreements.Open).Id);
        Fails(OneToOneCommands.Record(recorded.State, Key, draft, Leader(s.Unit), heldAt.AddHours(3)), ProblemKind.AlreadyExists);
    }

    [Fact]
    public void OneToOneAgendaHasTheCommonAgendaTheDataWheelAndOpenAgreements()
    {
        var s = Held(Started(Unit()), Spring2023, At(2023, 5, 10));
        s = Ok(ConversationCommands.SubmitRecord(s, Spring2023, Record(s, new(2023, 5, 10)), Leader(s.Unit), At(2023, 5, 11))).State;
        var agenda = Ok(OneToOneCommands.Agenda(s, Key, At(2023, 6, 20)));
        Assert.Equal(OneToOneAgenda.Common, agenda.CommonItems);
        Assert.Equal(Spring2023, agenda.DataWheel.LatestRelease);
        Assert.Equal(Autumn2023, agenda.DataWheel.NextConversation);
        Assert.Equal("conversation:2023-Spring#1", Assert.Single(agenda.OpenAgreements).Id);
    }

    [Fact]
    public void OnlyTheUnitsChiefAndLeaderTakePartInItsOneToOnes()
    {
        var (s, o) = ComingDue();
        var stranger = new Grains.Domain.Organisation.Actor(ActorRole.Chief, "bu-chef-9");
        Fails(OneToOneCommands.Hold(s, Key, At(2023, 6, 1), stranger, At(2023, 6, 2)), ProblemKind.PermissionDenied);
        Fails(OneToOneCommands.Hold(s, "2099-Spring.1", At(2023, 6, 1), Chief(s.Unit), At(2023, 6, 2)), ProblemKind.NotFound);
        Assert.NotNull(o);
    }
}
