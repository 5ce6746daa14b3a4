using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Conversations;

namespace OrleansTilsyn.Grains.Domain.Calendar;

/// <summary>
/// One version of the annual wheel for one kind of unit: every date and cadence the loop uses.
/// Defaults in <see cref="WheelDefaults"/>; rules in <see cref="WheelSettingsRules"/>.
/// </summary>
public sealed record WheelSettings(
    MonthDay QualityReportTreated,
    ImmutableArray<SeasonWindow> Seasons,
    ImmutableArray<Season> ConversationSeasons,
    int MinutesDueDays,
    int OneToOnesPerYear,
    int OneToOneNoticeDays,
    MonthDay BoardReportDue,
    int BoardReportNoticeDays,
    int ChiefReviewDays,
    int FollowUpMeetingDays,
    int FocusAreaOverviewDays,
    MonthDay OpsamlingDue,
    ImmutableArray<ParticipantRequirement> Participants,
    bool BoardPerspectiveAtLaterConversations)
{
    public SeasonWindow Window(Season season) =>
        Seasons.FirstOrDefault(s => s.Season == season)
        ?? throw new DomainInvariantException($"The wheel has no window for {season}.");
}
