using System.Collections.Immutable;

namespace OrleansTilsyn.Grains.Domain.Calendar;

/// <summary>
/// Every planned date of one unit's loop, computed once when the loop starts and kept with it,
/// so a later configuration change never moves what was already scheduled.
/// </summary>
public sealed record LoopCalendar(
    LoopId Loop,
    DateOnly Treatment,
    DateOnly NextTreatment,
    ImmutableArray<ConversationSlot> Conversations,
    ImmutableArray<OneToOneSlot> OneToOnes,
    ImmutableArray<BoardReportSlot> BoardReports,
    DateOnly LoopEnd,
    DateOnly OpsamlingDue,
    int MinutesDueDays,
    int ChiefReviewDays)
{
    public ConversationSlot? Conversation(Period period) => Conversations.FirstOrDefault(c => c.Period == period);

    public OneToOneSlot? OneToOne(string key) => OneToOnes.FirstOrDefault(o => o.Key == key);

    public BoardReportSlot? BoardReport(int year) => BoardReports.FirstOrDefault(b => b.Year == year);

    public DateOnly MinutesDue(DateOnly heldOn) => heldOn.AddDays(MinutesDueDays);

    /// <summary>The latest the minutes of a samtale can be due: held on the last day of its window.</summary>
    public DateOnly LatestMinutesDue(ConversationSlot slot) => MinutesDue(slot.WindowClose);

    public DateOnly ChiefReviewDue(DateOnly submittedOn) => submittedOn.AddDays(ChiefReviewDays);

    /// <summary>The nominal chief review date of a board report submitted on its due date.</summary>
    public DateOnly NominalChiefReview(BoardReportSlot report) => ChiefReviewDue(report.Due);
}
