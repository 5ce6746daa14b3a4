using System.Globalization;
using OrleansTilsyn.Contracts.Api.V1;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api.Mapping;

/// <summary>A unit's loop, its conversations, 1:1s and board reports (without content) in tilsyn.v1.</summary>
public static class LoopMapping
{
    public static Loop ToApi(this Model.UnitStatusDto status, Model.TimelineDto timeline, int focusAreasVersion)
    {
        var unit = status.Unit.Id;
        var loop = new Loop
        {
            Name = ResourceNames.Loop.Format(unit),
            LoopId = status.Loop,
            AgeArea = CommonMapping.AgeAreaOf(status.Unit.Sector).ToApi(),
            ReportYear = timeline.Treatment.Year,
            WheelVersion = status.WheelVersion,
            Holder = ApiEnums.ToApi<Model.ConversationHolder, ConversationHolder>(status.Holder),
            Treatment = timeline.Treatment.ToApi(),
            NextTreatment = timeline.NextTreatment.ToApi(),
            LoopEnd = timeline.LoopEnd.ToApi(),
            OpsamlingDue = timeline.OpsamlingDue.ToApi(),
            FocusAreasVersion = focusAreasVersion,
            OpsamlingSubmitted = status.Opsamling is not null,
            Health = status.Health.ToApi(),
        };
        loop.Conversations.AddRange(timeline.Conversations.Select(c => c.ToApi(unit)));
        loop.OneToOnes.AddRange(timeline.OneToOnes.Select(o => o.ToApi(unit)));
        loop.BoardReports.AddRange(timeline.BoardReports.Select(b => b.ToApi(unit)));
        loop.Themes.AddRange(status.Themes.Select(t => t.ToApi()));
        loop.FocusAreas.AddRange(status.FocusAreas.Select(f => f.ToApi()));
        return loop;
    }

    public static Conversation ToApi(this Model.ConversationDto c, string unit) => new()
    {
        Name = ResourceNames.Conversation.Format(unit, c.Period),
        Number = c.Number,
        Period = c.Period,
        LoopYear = c.LoopYear,
        DataRelease = c.DataRelease.ToApi(),
        WindowOpen = c.WindowOpen.ToApi(),
        WindowClose = c.WindowClose.ToApi(),
        Status = ApiEnums.ToApi<Model.ConversationStatus, ConversationStatus>(c.Status),
        ScheduledFor = c.ScheduledFor.ToApi(),
        Held = CommonMapping.Attribution(c.HeldBy, c.HeldAt),
        BoardStatementCount = c.BoardStatements,
        RecordVersion = c.RecordVersions,
    };

    public static OneToOne ToApi(this Model.OneToOneDto o, string unit) => new()
    {
        Name = ResourceNames.OneToOne.Format(unit, o.Key),
        AfterPeriod = o.After,
        Ordinal = o.Ordinal,
        Due = o.Due.ToApi(),
        Status = ApiEnums.ToApi<Model.OneToOneStatus, OneToOneStatus>(o.Status),
        ScheduledFor = o.ScheduledFor.ToApi(),
        Held = CommonMapping.Attribution(o.HeldBy, o.HeldAt),
        Overdue = o.Overdue,
    };

    public static BoardReport ToApi(this Model.BoardReportDto b, string unit) => new()
    {
        Name = ResourceNames.BoardReport.Format(unit, b.Year.ToString(CultureInfo.InvariantCulture)),
        Year = b.Year,
        Due = b.Due.ToApi(),
        Status = ApiEnums.ToApi<Model.BoardReportStatus, BoardReportStatus>(b.Status),
        Submitted = CommonMapping.Attribution(b.SubmittedBy, b.SubmittedAt),
        ReviewDue = b.ReviewDue.ToApi(),
        Reviewed = CommonMapping.Attribution(b.ReviewedBy, b.ReviewedAt),
        ReviewNote = b.ReviewNote ?? "",
        FollowUpDue = b.FollowUpDue.ToApi(),
        FollowUpHeldAt = b.FollowUpHeldAt.ToApi(),
    };

    /// <summary>Every dated occurrence of the loop, in date order (stable by kind within a day).</summary>
    public static LoopTimeline ToApi(this Model.TimelineDto t, string unit, DateOnly today)
    {
        var entries = new List<TimelineEntry>
        {
            Entry(t.Treatment, TimelineEntryKind.QualityReportTreated, $"Kvalitetsrapport behandlet ({t.Loop})", "", Passed(t.Treatment, today)),
        };
        foreach (var c in t.Conversations)
        {
            var name = ResourceNames.Conversation.Format(unit, c.Period);
            var before = c.Status == Model.ConversationStatus.BeforeTracking;
            var held = c.Status == Model.ConversationStatus.Held;
            entries.Add(Entry(c.DataRelease, TimelineEntryKind.DataPackageRelease, $"Datapakke {c.Period}", "", before ? TimelineEntryState.BeforeTracking : Passed(c.DataRelease, today)));
            entries.Add(Entry(c.WindowOpen, TimelineEntryKind.ConversationWindowOpens, $"Vindue åbner: læringssamtale {c.Period}", name,
                before ? TimelineEntryState.BeforeTracking : Passed(c.WindowOpen, today)));
            if ((c.HeldAt ?? c.ScheduledFor) is { } at)
            {
                var day = DateOnly.FromDateTime(at.UtcDateTime);
                entries.Add(Entry(day, TimelineEntryKind.Conversation, $"Læringssamtale {c.Period}", name, held ? TimelineEntryState.Done : c.Overdue ? TimelineEntryState.Overdue : TimelineEntryState.Open));
            }

            var closeState = before ? TimelineEntryState.BeforeTracking : held ? TimelineEntryState.Done : c.Overdue ? TimelineEntryState.Overdue : c.WindowOpen <= today ? TimelineEntryState.Open : TimelineEntryState.Upcoming;
            entries.Add(Entry(c.WindowClose, TimelineEntryKind.ConversationWindowCloses, $"Vindue lukker: læringssamtale {c.Period}", name, closeState));
        }

        foreach (var o in t.OneToOnes)
        {
            var state = o.Status switch
            {
                Model.OneToOneStatus.BeforeTracking => TimelineEntryState.BeforeTracking,
                Model.OneToOneStatus.Held => TimelineEntryState.Done,
                _ when o.Overdue => TimelineEntryState.Overdue,
                Model.OneToOneStatus.Scheduled => TimelineEntryState.Open,
                _ => TimelineEntryState.Upcoming,
            };
            entries.Add(Entry(o.Due, TimelineEntryKind.OneToOneDue, $"1:1 {o.Key}", ResourceNames.OneToOne.Format(unit, o.Key), state));
        }

        foreach (var b in t.BoardReports)
        {
            var name = ResourceNames.BoardReport.Format(unit, b.Year.ToString(CultureInfo.InvariantCulture));
            var state = b.Status switch
            {
                Model.BoardReportStatus.BeforeTracking => TimelineEntryState.BeforeTracking,
                Model.BoardReportStatus.Pending => b.Overdue ? TimelineEntryState.Overdue : TimelineEntryState.Open,
                _ => TimelineEntryState.Done,
            };
            entries.Add(Entry(b.Due, TimelineEntryKind.BoardReportDue, $"Bestyrelsens tilsynsrapport {b.Year}", name, state));
            if (b.ReviewDue is { } reviewDue)
            {
                var reviewed = b.Status is not Model.BoardReportStatus.Submitted;
                entries.Add(Entry(reviewDue, TimelineEntryKind.ChiefReviewDue, $"Chefens opfølgning på tilsynsrapport {b.Year}", name,
                    reviewed ? TimelineEntryState.Done : reviewDue < today ? TimelineEntryState.Overdue : TimelineEntryState.Open));
            }
        }

        entries.Add(Entry(t.LoopEnd, TimelineEntryKind.LoopEnd, $"Loop {t.Loop} slutter", "", Passed(t.LoopEnd, today)));
        entries.Add(Entry(t.OpsamlingDue, TimelineEntryKind.OpsamlingDue, $"Opsamling af loop {t.Loop}", ResourceNames.Loop.Format(unit),
            t.OpsamlingDue < today ? TimelineEntryState.Overdue : t.LoopEnd <= today ? TimelineEntryState.Open : TimelineEntryState.Upcoming));

        var timeline = new LoopTimeline { Name = ResourceNames.Loop.Format(unit), LoopId = t.Loop };
        timeline.Entries.AddRange(entries
            .Select((e, i) => (e, i))
            .OrderBy(x => (x.e.Date.Year, x.e.Date.Month, x.e.Date.Day))
            .ThenBy(x => x.i)
            .Select(x => x.e));
        return timeline;
    }

    private static TimelineEntryState Passed(DateOnly day, DateOnly today) => day <= today ? TimelineEntryState.Done : TimelineEntryState.Upcoming;

    private static TimelineEntry Entry(DateOnly day, TimelineEntryKind kind, string title, string resource, TimelineEntryState state) =>
        new() { Date = day.ToApi(), Kind = kind, Title = title, Resource = resource, State = state };
}
