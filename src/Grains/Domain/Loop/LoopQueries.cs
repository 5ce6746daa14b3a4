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
        return new LoopHealth(
            s.Conversations.Count(c => c.IsHeld),
            s.Conversations.Count(c => c.Status is ConversationStatus.Planned or ConversationStatus.Scheduled && DomainDates.IsOverdue(c.Slot.WindowClose, now)),
            s.OneToOnes.Count(o => o.IsHeld),
            s.OneToOnes.Count(o => o.IsOverdue(now)),
            s.Tasks.Open.Count(),
            s.Tasks.Items.Count(t => t.State == TaskState.Overdue),
            s.BoardReports.Count(b => b.IsOverdue(now)),
            s.Agreements.Open.Count(),
            s.Agreements.Open.Count(a => a.IsPastDue(today)));
    }
}
