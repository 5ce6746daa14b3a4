using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.FollowUps;
using OrleansTilsyn.Grains.Domain.Supervision;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>
/// The occurrence reminders of a loop and their due times, all derived from the stored calendar.
/// A reminder whose due time has passed but whose occurrence is still relevant is scheduled anyway:
/// the runtime delivers it at once, with the same stable due time. A loop that ended before tracking
/// started is not summed up here (its opsamling was never the service's to ask for).
/// </summary>
public static class LoopReminderPlan
{
    public static IEnumerable<(string Name, DateTimeOffset DueAt)> For(UnitLoopState s)
    {
        foreach (var c in s.Conversations.Where(c => c.Status != ConversationStatus.BeforeTracking))
        {
            yield return (ReminderNames.DataPackageReleased(c.Period), DomainDates.StartOf(c.Slot.DataRelease));
            yield return (ReminderNames.ConversationWindowOpen(c.Period), DomainDates.StartOf(c.Slot.WindowOpen));
        }
        foreach (var o in s.OneToOnes.Where(o => o.Status != OneToOneStatus.BeforeTracking))
            yield return (ReminderNames.OneToOneDue(o.Key), DomainDates.StartOf(o.Slot.Due.AddDays(-s.Settings.OneToOneNoticeDays)));
        foreach (var b in s.BoardReports.Where(b => b.Status != BoardReportStatus.BeforeTracking))
            yield return (ReminderNames.BoardReportDue(b.Year), DomainDates.StartOf(b.Slot.Due.AddDays(-s.Settings.BoardReportNoticeDays)));
        if (s.Calendar.LoopEnd >= DomainDates.DayOf(s.TrackedFrom))
            yield return (ReminderNames.LoopEnd(s.Loop), DomainDates.StartOf(s.Calendar.LoopEnd));
        yield return (ReminderNames.NextLoop(s.Loop.Next()), DomainDates.StartOf(s.Calendar.NextTreatment));
    }

    /// <summary>
    /// The due time a delivery of <paramref name="name"/> must carry to be current; null if the name is
    /// unknown to this loop. Computed from the name's occurrence directly (it runs on every delivery);
    /// agrees with <see cref="For"/> for every name it yields.
    /// </summary>
    public static DateTimeOffset? ExpectedDue(UnitLoopState s, string name)
    {
        if (!ReminderNames.TryParse(name, out var kind, out var key)) return null;
        switch (kind)
        {
            case ReminderKind.TaskOverdue:
                return name == ReminderNames.TasksOverdue ? LoopChange.NextOverdueCheck(s) : null;
            case ReminderKind.DataPackageReleased or ReminderKind.ConversationWindowOpen:
                if (!Period.TryParse(key, out var period) || s.FindConversation(period) is not { } c || c.Status == ConversationStatus.BeforeTracking) return null;
                return DomainDates.StartOf(kind == ReminderKind.DataPackageReleased ? c.Slot.DataRelease : c.Slot.WindowOpen);
            case ReminderKind.OneToOneDue:
                return s.FindOneToOne(key) is { } o && o.Status != OneToOneStatus.BeforeTracking
                    ? DomainDates.StartOf(o.Slot.Due.AddDays(-s.Settings.OneToOneNoticeDays)) : null;
            case ReminderKind.BoardReportDue:
                return int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
                    && s.FindBoardReport(year) is { } b && b.Status != BoardReportStatus.BeforeTracking
                        ? DomainDates.StartOf(b.Slot.Due.AddDays(-s.Settings.BoardReportNoticeDays)) : null;
            case ReminderKind.LoopEnd:
                return key == s.Loop.ToString() && s.Calendar.LoopEnd >= DomainDates.DayOf(s.TrackedFrom) ? DomainDates.StartOf(s.Calendar.LoopEnd) : null;
            case ReminderKind.NextLoop:
                return key == s.Loop.Next().ToString() ? DomainDates.StartOf(s.Calendar.NextTreatment) : null;
            default:
                return null;
        }
    }
}
