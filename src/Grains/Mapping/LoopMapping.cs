using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.FollowUps;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Supervision;

namespace OrleansTilsyn.Grains.Mapping;

/// <summary>The unit's loop as the read side shows it.</summary>
public static class LoopMapping
{
    public static UnitStatusDto ToStatus(this UnitLoopState s, DateTimeOffset now) => new(
        s.Unit.ToDto(), s.Loop.ToString(), s.WheelVersion, s.Holder, s.Calendar.Treatment, s.Calendar.LoopEnd, s.Calendar.OpsamlingDue,
        [.. (s.Themes?.Themes ?? []).Select(t => new ThemeDto(t.Code, t.Title))],
        [.. s.FocusAreas.Select(MeetingMapping.ToDto)],
        s.Opsamling is { } o ? new OpsamlingStatusDto(o.SubmittedBy, o.SubmittedAt) : null,
        LoopQueries.Health(s, now).ToDto(),
        [.. s.PastLoops.Select(ToDto)]);

    public static TimelineDto ToTimeline(this UnitLoopState s, DateTimeOffset now) => new(
        s.Loop.ToString(), s.Calendar.Treatment, s.Calendar.NextTreatment, s.Calendar.LoopEnd, s.Calendar.OpsamlingDue,
        [.. s.Conversations.Select(c => c.ToDto(now))],
        [.. s.OneToOnes.Select(o => o.ToDto(now))],
        [.. s.BoardReports.Select(b => b.ToDto(now))]);

    public static LoopHealthDto ToDto(this LoopHealth h) => new(
        h.ConversationsHeld, h.ConversationsOverdue, h.OneToOnesHeld, h.OneToOnesOverdue, h.OpenTasks, h.OverdueTasks,
        h.BoardReportsOverdue, h.OpenAgreements, h.AgreementsPastDue)
    {
        ConversationsDue = h.ConversationsDue,
        OneToOnesDue = h.OneToOnesDue,
        OneToOnesDueHeld = h.OneToOnesDueHeld,
        BoardReportsDue = h.BoardReportsDue,
        BoardReportsInReview = h.BoardReportsInReview,
        TasksByKind = [.. h.TasksByKind.Select(t => new TaskKindHealthDto(t.Kind, t.Open, t.Overdue))],
        DataReleasesDue = [.. h.DataReleasesDue.Select(p => p.ToString())],
    };

    public static ConversationDto ToDto(this Conversation c, DateTimeOffset now) => new(
        c.Slot.Number, c.Period.ToString(), c.Slot.LoopYear, c.Slot.DataRelease, c.Slot.WindowOpen, c.Slot.WindowClose, c.Status,
        c.ScheduledFor, c.HeldAt, c.HeldBy, c.RecordVersions, c.RecordedAt, c.BoardStatements,
        c.Status is ConversationStatus.Planned or ConversationStatus.Scheduled && DomainDates.IsOverdue(c.Slot.WindowClose, now));

    public static OneToOneDto ToDto(this OneToOne o, DateTimeOffset now) => new(
        o.Key, o.Slot.After.ToString(), o.Slot.Ordinal, o.Slot.Due, o.Status, o.ScheduledFor, o.HeldAt, o.HeldBy, o.RecordedAt, o.IsOverdue(now));

    public static BoardReportDto ToDto(this BoardReport b, DateTimeOffset now) => new(
        b.Year, b.Slot.Due, b.Status, b.SubmittedBy, b.SubmittedAt, b.ReviewDue, b.ReviewedBy, b.ReviewedAt, b.ReviewNote,
        b.FollowUpDue, b.FollowUpHeldAt, b.IsOverdue(now));

    public static LoopSummaryDto ToDto(this LoopSummary p) => new(
        p.Loop.ToString(), p.WheelVersion, p.ConversationsHeld, p.ConversationsPlanned, p.OneToOnesHeld,
        [.. p.FocusAreas.Select(MeetingMapping.ToDto)],
        p.Opsamling is { } o ? new OpsamlingStatusDto(o.SubmittedBy, o.SubmittedAt) : null);
}
