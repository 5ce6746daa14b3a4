using System.Collections.Immutable;

namespace OrleansTilsyn.Grains.Domain.Calendar;

/// <summary>
/// Computes a loop's calendar from a wheel version. Conversations are the windows closing after the
/// political treatment and no later than the next one (the first window starts the day after the
/// treatment); 1:1s are spread evenly between consecutive conversation anchors, the last gap running
/// to the next loop's first conversation.
/// </summary>
public static class LoopCalendarBuilder
{
    public static LoopCalendar Build(LoopId loop, WheelSettings settings, bool selfOwned)
    {
        var treatment = settings.QualityReportTreated.In(loop.Year);
        var nextTreatment = settings.QualityReportTreated.In(loop.Year + 2);
        var conversations = Windows(settings, treatment, nextTreatment).ToImmutableArray();
        if (conversations.IsEmpty) throw new DomainInvariantException($"The wheel gives loop {loop} no conversations.");
        var nextFirst = Windows(settings, nextTreatment, settings.QualityReportTreated.In(loop.Year + 4)).First();
        var oneToOnes = OneToOnes(conversations, nextFirst.Anchor, settings.OneToOnesPerYear * 2);
        var boardReports = selfOwned ? BoardReports(settings, treatment, nextTreatment) : [];
        var loopEnd = conversations[^1].WindowClose.AddDays(1);
        var opsamling = settings.OpsamlingDue.In(loop.Year + 2);
        return new LoopCalendar(
            loop, treatment, nextTreatment, conversations, oneToOnes, boardReports, loopEnd,
            opsamling > loopEnd ? opsamling : loopEnd.AddDays(settings.MinutesDueDays),
            settings.MinutesDueDays, settings.ChiefReviewDays);
    }

    private static IEnumerable<ConversationSlot> Windows(WheelSettings s, DateOnly after, DateOnly until)
    {
        var number = 0;
        var windows = s.ConversationSeasons.Select(s.Window).OrderBy(w => w.WindowOpen).ToArray();
        for (var year = after.Year; year <= until.Year; year++)
        {
            foreach (var w in windows)
            {
                var close = w.WindowClose.In(year);
                if (close <= after || close > until) continue;
                var open = w.WindowOpen.In(year);
                var effectiveOpen = open > after ? open : after.AddDays(1);
                var loopYear = close <= after.AddYears(1) ? 1 : 2;
                yield return new ConversationSlot(++number, new Period(year, w.Season), loopYear, w.DataRelease.In(year), effectiveOpen, close);
            }
        }
    }

    private static ImmutableArray<OneToOneSlot> OneToOnes(ImmutableArray<ConversationSlot> conversations, DateOnly nextAnchor, int total)
    {
        var result = ImmutableArray.CreateBuilder<OneToOneSlot>();
        var gaps = conversations.Length;
        for (var g = 0; g < gaps; g++)
        {
            var count = total * (g + 1) / gaps - total * g / gaps;
            var from = conversations[g].Anchor;
            var to = g + 1 < gaps ? conversations[g + 1].Anchor : nextAnchor;
            var span = to.DayNumber - from.DayNumber;
            for (var i = 1; i <= count; i++)
                result.Add(new OneToOneSlot(conversations[g].Period, i, from.AddDays((int)Math.Round(span * i / (double)(count + 1)))));
        }
        return result.ToImmutable();
    }

    private static ImmutableArray<BoardReportSlot> BoardReports(WheelSettings s, DateOnly treatment, DateOnly nextTreatment)
    {
        var result = ImmutableArray.CreateBuilder<BoardReportSlot>();
        for (var year = treatment.Year; year <= nextTreatment.Year; year++)
        {
            var due = s.BoardReportDue.In(year);
            if (due > treatment && due <= nextTreatment) result.Add(new BoardReportSlot(year, due));
        }
        return result.ToImmutable();
    }
}
