using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Tasks;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

public sealed class ChiefInboxTests
{
    [Fact]
    public void InboxUpsertsTasksByIdSoRepeatedDeliveriesDoNotDouble()
    {
        var opened = LoopReminders.OnReminder(Started(Unit()), "conversation-window-open:2023-Spring", At(2023, 4, 1, 0), At(2023, 4, 1, 0));
        var chief = Unit().Chief;
        var inbox = new ChiefInbox().Apply(opened.Effects.ChangedTasks, chief, At(2023, 4, 1));
        inbox = inbox.Apply(opened.Effects.ChangedTasks, chief, At(2023, 4, 1));
        Assert.Single(inbox.MyOpenTasks);
        var scheduled = Ok(ConversationCommands.Schedule(opened.State, Spring2023, At(2023, 5, 10), Chief(Unit()), At(2023, 4, 2)));
        inbox = inbox.Apply(scheduled.Effects.ChangedTasks, chief, At(2023, 4, 2));
        Assert.Equal(TaskKind.HoldConversation, Assert.Single(inbox.MyOpenTasks).Kind);
        Assert.Equal(2, inbox.Tasks.Length);
    }

    [Fact]
    public void TaskRoutedToAnotherChiefLeavesTheInbox()
    {
        var s = LoopReminders.OnReminder(Started(Unit()), "conversation-window-open:2023-Spring", At(2023, 4, 1, 0), At(2023, 4, 1, 0)).State;
        var inbox = new ChiefInbox().Apply(s.Tasks.Items, Unit().Chief, At(2023, 4, 1));
        var moved = Ok(UnitCommands.Update(s, s.Unit with { Chief = ChiefId.Parse("bu-chef-2") }, Admin, At(2023, 4, 2)));
        Assert.Empty(inbox.Apply(moved.Effects.ChangedTasks, Unit().Chief, At(2023, 4, 2)).Tasks);
    }

    [Fact]
    public void DoneTasksAreDroppedAfterNinetyDays()
    {
        var task = new LoopTask("u/x", TaskKind.Opsamling, UnitId.Parse("u"), "0-6/2023", AssigneeRole.Chief, ChiefId.Parse("c"),
            new(2023, 5, 1), TaskState.Done, At(2023, 4, 1), At(2023, 4, 2), "chief:c");
        var inbox = new ChiefInbox().Apply([task], ChiefId.Parse("c"), At(2023, 5, 1));
        Assert.Single(inbox.Tasks);
        Assert.Empty(inbox.Apply([], ChiefId.Parse("c"), At(2023, 8, 1)).Tasks);
    }
}
