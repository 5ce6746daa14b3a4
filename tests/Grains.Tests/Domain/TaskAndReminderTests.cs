using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Tasks;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

public sealed class TaskAndReminderTests
{
    private const string WindowOpen = "conversation-window-open:2023-Spring";

    [Fact]
    public void ReminderNamesAreStableStringsOfTheOccurrence()
    {
        Assert.Equal(WindowOpen, ReminderNames.ConversationWindowOpen(Spring2023));
        Assert.Equal("data-package-released:2023-Autumn", ReminderNames.DataPackageReleased(Autumn2023));
        Assert.Equal("one-to-one-due:2023-Spring.2", ReminderNames.OneToOneDue("2023-Spring.2"));
        Assert.Equal("next-loop:0-6/2025", ReminderNames.NextLoop(Loop0To6Of2023.Next()));
        Assert.True(ReminderNames.TryParse(ReminderNames.TasksOverdue, out var kind, out var arg));
        Assert.Equal(("task-overdue:open", ReminderKind.TaskOverdue, "open"), (ReminderNames.TasksOverdue, kind, arg));
    }

    [Fact]
    public void LoopStartSchedulesAReminderForEveryOccurrence()
    {
        var outcome = Ok(LoopStart.Start(Unit(selfOwned: true), Loop0To6Of2023, Wheel(Unit(selfOwned: true)), null, At(2023, 4, 1)));
        var names = outcome.Effects.Reminders.OfType<AgendaChange.Schedule>().ToDictionary(r => r.Name, r => r.DueAt);
        Assert.Equal(4 * 2 + 12 + 2 + 2, names.Count);
        Assert.Equal(At(2023, 4, 1, 0), names[WindowOpen]);
        Assert.Equal(At(2023, 2, 1, 0), names["data-package-released:2023-Spring"]);
        Assert.Equal(At(2023, 10, 2, 0), names["board-report-due:2023"]);
        Assert.Equal(At(2025, 3, 31, 0), names["next-loop:0-6/2025"]);
    }

    [Theory]
    [InlineData(Sector.Dagtilbud, false)]
    [InlineData(Sector.Dagtilbud, true)]
    [InlineData(Sector.Fu, false)]
    public void ExpectedDueAgreesWithThePlanForEveryReminder(Sector sector, bool selfOwned)
    {
        var s = Started(Unit(sector, selfOwned));
        Assert.All(LoopReminderPlan.For(s), r => Assert.Equal((r.Name, r.DueAt), (r.Name, LoopReminderPlan.ExpectedDue(s, r.Name)!.Value)));
        Assert.Null(LoopReminderPlan.ExpectedDue(s, "conversation-window-open:2031-Spring"));
        Assert.Null(LoopReminderPlan.ExpectedDue(s, "one-to-one-due:2023-Spring.9"));
        Assert.Null(LoopReminderPlan.ExpectedDue(s, "next-loop:0-6/2031"));
        Assert.Null(LoopReminderPlan.ExpectedDue(s, "nonsense"));
    }

    [Fact]
    public void RedeliveredReminderDoesNotDoubleTask()
    {
        var s = Started(Unit());
        var first = LoopReminders.OnReminder(s, WindowOpen, At(2023, 4, 1, 0), At(2023, 4, 1, 0));
        var again = LoopReminders.OnReminder(first.State, WindowOpen, At(2023, 4, 1, 0), At(2023, 4, 1, 0).AddMinutes(5));
        var task = Assert.Single(first.Effects.TasksRaised);
        Assert.Equal("unit-1/ScheduleConversation/2023-Spring/Chief", task.Id);
        Assert.True(again.Effects.IsEmpty);
        Assert.Single(again.State.Tasks.Items);
    }

    [Fact]
    public void StaleReminderDueTimeIsIgnored()
    {
        var outcome = LoopReminders.OnReminder(Started(Unit()), WindowOpen, At(2023, 3, 1, 0), At(2023, 4, 1, 0));
        Assert.True(outcome.Effects.IsEmpty);
    }

    [Fact]
    public void DataPackageReleaseRaisesPreparationForLeaderAndChief()
    {
        var outcome = LoopReminders.OnReminder(Started(Unit()), "data-package-released:2023-Spring", At(2023, 2, 1, 0), At(2023, 4, 1));
        Assert.Equal([AssigneeRole.Leader, AssigneeRole.Chief], outcome.Effects.TasksRaised.Select(t => t.Assignee));
        Assert.All(outcome.Effects.TasksRaised, t => Assert.Equal(TaskKind.PrepareConversation, t.Kind));
        var selfOwned = LoopReminders.OnDataPackageReleased(Started(Unit(selfOwned: true)), Spring2023, At(2023, 4, 1));
        Assert.Equal([AssigneeRole.Leader, AssigneeRole.Board], selfOwned.Effects.TasksRaised.Select(t => t.Assignee));
    }

    [Fact]
    public void WindowClosingWithoutAHeldConversationMakesItsTaskOverdue()
    {
        var s = LoopReminders.OnReminder(Started(Unit()), WindowOpen, At(2023, 4, 1, 0), At(2023, 4, 1, 0)).State;
        var task = s.Tasks.Items.Single();
        Assert.Equal(new DateOnly(2023, 6, 15), task.Due);
        Assert.Equal(At(2023, 6, 16, 0), LoopReminderPlan.ExpectedDue(s, ReminderNames.TasksOverdue));
        var overdue = LoopReminders.OnReminder(s, ReminderNames.TasksOverdue, At(2023, 6, 16, 0), At(2023, 6, 16, 0));
        Assert.Equal(TaskState.Overdue, Assert.Single(overdue.Effects.TasksUpdated).State);
        Assert.Equal(1, LoopQueries.Health(overdue.State, At(2023, 6, 16)).ConversationsOverdue);
        Assert.Contains(overdue.Effects.Reminders, r => r is AgendaChange.Cancel { Name: "task-overdue:open" });
        var again = LoopReminders.OnReminder(overdue.State, ReminderNames.TasksOverdue, At(2023, 6, 16, 0), At(2023, 6, 16, 1));
        Assert.True(again.Effects.IsEmpty);
    }

    [Fact]
    public void HoldingTheConversationClosesItsTasksAndAsksForMinutesByTheDueDate()
    {
        var s = LoopReminders.OnReminder(Started(Unit()), WindowOpen, At(2023, 4, 1, 0), At(2023, 4, 1, 0)).State;
        s = LoopReminders.OnReminder(s, "data-package-released:2023-Spring", At(2023, 2, 1, 0), At(2023, 4, 1, 0)).State;
        var scheduled = Ok(ConversationCommands.Schedule(s, Spring2023, At(2023, 5, 10), Chief(s.Unit), At(2023, 4, 2)));
        Assert.Equal(TaskKind.ScheduleConversation, Assert.Single(scheduled.Effects.TasksClosed).Kind);
        Assert.Equal(TaskKind.HoldConversation, Assert.Single(scheduled.Effects.TasksRaised).Kind);
        var held = Ok(ConversationCommands.Hold(scheduled.State, Spring2023, At(2023, 5, 10), Chief(s.Unit), At(2023, 5, 10, 12)));
        Assert.Equal(3, held.Effects.TasksClosed.Length);
        var minutes = held.Effects.TasksRaised.Single(t => t.Kind == TaskKind.WriteMinutes);
        Assert.Equal((AssigneeRole.Leader, new DateOnly(2023, 5, 24)), (minutes.Assignee, minutes.Due));
        Assert.Contains(held.Effects.TasksRaised, t => t.Kind == TaskKind.ChooseFocusAreas);
        Assert.Equal(new AgendaChange.Schedule(ReminderNames.TasksOverdue, At(2023, 5, 25, 0)), Assert.Single(held.Effects.Reminders));
    }

    [Fact]
    public void OccurrencesOverBeforeTrackingStartedRaiseNothing()
    {
        var s = Started(Unit(), Loop0To6Of2023, At(2024, 1, 10));
        Assert.Equal([ConversationStatus.BeforeTracking, ConversationStatus.BeforeTracking, ConversationStatus.Planned, ConversationStatus.Planned],
            s.Conversations.Select(c => c.Status));
        var outcome = LoopReminders.OnReminder(s, WindowOpen, At(2023, 4, 1, 0), At(2024, 1, 10));
        Assert.True(outcome.Effects.IsEmpty);
        Assert.Equal(0, LoopQueries.Health(s, At(2024, 1, 10)).ConversationsOverdue);
    }

    [Fact]
    public void TaskIdsAreDeterministicAndCarryTheChief()
    {
        var a = LoopReminders.OnReminder(Started(Unit()), WindowOpen, At(2023, 4, 1, 0), At(2023, 4, 1, 0)).Effects.TasksRaised[0];
        var b = LoopReminders.OnReminder(Started(Unit()), WindowOpen, At(2023, 4, 1, 0), At(2023, 4, 3, 0)).Effects.TasksRaised[0];
        Assert.Equal(a.Id, b.Id);
        Assert.Equal("bu-chef-1", a.Chief.Value);
    }
}
