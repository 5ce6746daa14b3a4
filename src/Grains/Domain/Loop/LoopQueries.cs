using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.Tasks;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>Read-side views of a unit's loop.</summary>
public static class LoopQueries
{
    public static Result<ConversationAgenda> Agenda(UnitLoopState s, Period period)
    {
        var c = s.FindConversation(period);
        if (c is null) return Problem.NotFound($"Loop {s.Loop} has no samtale in {period}.");
        var required = s.Settings.Participants
            .Where(p => p.Attendance != Attendance.FirstConversation || c.Slot.IsFirst)
            .ToImmutableArray();
        return new ConversationAgenda(c.Slot, s.Holder, AgendaTemplate.LearningConversation, required,
            s.Themes?.Themes ?? [], s.FocusAreas, c.BoardStatements, [.. s.Agreements.Open]);
    }

    public static LoopHealth Health(UnitLoopState s, DateTimeOffset now)
    {
        var today = DomainDates.DayOf(now);
        var tracked = s.Conversations.Where(c => c.Status != ConversationStatus.BeforeTracking).ToArray();
        var oneToOnesDue = s.OneToOnes.Where(o => o.Status != OneToOneStatus.BeforeTracking && DomainDates.IsOverdue(o.Slot.Due, now)).ToArray();
        var boardReportsPending = s.BoardReports
            .Where(b => b.Status == BoardReportStatus.Pending && today >= b.Slot.Due.AddDays(-s.Settings.BoardReportNoticeDays));
        return new LoopHealth(
            s.Conversations.Count(c => c.IsHeld),
            s.Conversations.Count(c => c.Status is ConversationStatus.Planned or ConversationStatus.Scheduled && DomainDates.IsOverdue(c.Slot.WindowClose, now)),
            s.OneToOnes.Count(o => o.IsHeld),
            s.OneToOnes.Count(o => o.IsOverdue(now)),
            s.Tasks.Open.Count(),
            s.Tasks.Items.Count(t => t.State == TaskState.Overdue),
            s.BoardReports.Count(b => b.IsOverdue(now)),
            s.Agreements.Open.Count(),
            s.Agreements.Open.Count(a => a.IsPastDue(today)))
        {
            ConversationsDue = tracked.Count(c => DomainDates.IsOverdue(c.Slot.WindowClose, now)),
            OneToOnesDue = oneToOnesDue.Length,
            OneToOnesDueHeld = oneToOnesDue.Count(o => o.IsHeld),
            BoardReportsDue = boardReportsPending.Count(),
            BoardReportsInReview = s.BoardReports.Count(b => b.Status == BoardReportStatus.Submitted),
            TasksByKind = [.. s.Tasks.Open.GroupBy(t => t.Kind).OrderBy(g => g.Key)
                .Select(g => new TaskKindHealth(g.Key, g.Count(), g.Count(t => t.State == TaskState.Overdue)))],
            DataReleasesDue = [.. tracked.Where(c => c.Slot.DataRelease <= today).Select(c => c.Period)],
        };
    }
}
