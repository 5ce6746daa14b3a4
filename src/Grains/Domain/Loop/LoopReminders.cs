using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.FollowUps;
using OrleansTilsyn.Grains.Domain.Supervision;
using OrleansTilsyn.Grains.Domain.Tasks;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>
/// Reacts to a delivered reminder. Idempotent: tasks have derived ids, state changes only move
/// forward, and a delivery whose due time is not the one this loop planned (stale, or from an
/// earlier loop) changes nothing. "next-loop" reminders go to <see cref="LoopStart.OnNextLoopReminder"/>.
/// </summary>
public static class LoopReminders
{
    public static LoopOutcome OnReminder(UnitLoopState state, string name, DateTimeOffset dueAt, DateTimeOffset now)
    {
        var change = new LoopChange(state, now);
        if (!ReminderNames.TryParse(name, out var kind, out var arg) || LoopReminderPlan.ExpectedDue(state, name) != dueAt)
            return change.Done();
        switch (kind)
        {
            case ReminderKind.DataPackageReleased: DataPackageReleased(change, Period.Parse(arg)); break;
            case ReminderKind.ConversationWindowOpen: WindowOpened(change, Period.Parse(arg)); break;
            case ReminderKind.OneToOneDue: OneToOneComingDue(change, arg); break;
            case ReminderKind.BoardReportDue: BoardReportComingDue(change, int.Parse(arg, System.Globalization.CultureInfo.InvariantCulture)); break;
            case ReminderKind.LoopEnd: LoopEnded(change); break;
            case ReminderKind.TaskOverdue: TasksOverdue(change, dueAt); break;
        }
        return change.Done();
    }

    /// <summary>The data package for a samtale is out: leader and holder prepare. Also callable when a release is imported.</summary>
    public static LoopOutcome OnDataPackageReleased(UnitLoopState state, Period period, DateTimeOffset now)
    {
        var change = new LoopChange(state, now);
        DataPackageReleased(change, period);
        return change.Done();
    }

    private static void DataPackageReleased(LoopChange change, Period period)
    {
        var c = change.State.FindConversation(period);
        if (c is null || c.Status is ConversationStatus.Held or ConversationStatus.BeforeTracking) return;
        change.Raise(TaskKind.PrepareConversation, period.ToString(), AssigneeRole.Leader, c.Slot.WindowClose);
        change.Raise(TaskKind.PrepareConversation, period.ToString(), change.State.HolderRole, c.Slot.WindowClose);
    }

    private static void WindowOpened(LoopChange change, Period period)
    {
        var c = change.State.FindConversation(period);
        if (c is null || c.Status != ConversationStatus.Planned) return;
        change.Raise(TaskKind.ScheduleConversation, period.ToString(), change.State.HolderRole, c.Slot.WindowClose);
    }

    private static void OneToOneComingDue(LoopChange change, string key)
    {
        var o = change.State.FindOneToOne(key);
        if (o is null || o.Status is OneToOneStatus.Held or OneToOneStatus.BeforeTracking) return;
        change.Raise(TaskKind.HoldOneToOne, key, AssigneeRole.Chief, o.Slot.Due);
    }

    private static void BoardReportComingDue(LoopChange change, int year)
    {
        var b = change.State.FindBoardReport(year);
        if (b is null || b.Status != BoardReportStatus.Pending) return;
        change.Raise(TaskKind.SubmitBoardReport, year.ToString(System.Globalization.CultureInfo.InvariantCulture), AssigneeRole.Board, b.Slot.Due);
    }

    private static void LoopEnded(LoopChange change)
    {
        if (change.State.Opsamling is not null) return;
        change.Raise(TaskKind.Opsamling, change.State.Loop.ToString(), AssigneeRole.Leader, change.State.Calendar.OpsamlingDue);
    }

    /// <summary>Every open task whose due day ended by <paramref name="dueAt"/> is overdue now.</summary>
    private static void TasksOverdue(LoopChange change, DateTimeOffset dueAt)
    {
        foreach (var task in change.State.Tasks.Items.Where(t => t.State == TaskState.Open && DomainDates.EndOf(t.Due) <= dueAt).ToArray())
        {
            change.MarkOverdue(task.Id);
            if (task is { Kind: TaskKind.SubmitBoardReport, Assignee: AssigneeRole.Board })
                BoardReportCommands.BoardTaskOverdue(change, int.Parse(task.Occurrence, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
