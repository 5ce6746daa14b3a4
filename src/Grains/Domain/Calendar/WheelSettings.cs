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
    /// <summary>True when attendance of <paramref name="role"/> is checked over several samtaler (once a year or once a loop).</summary>
    public bool CountsAcrossConversations(ParticipantRole role) =>
        Participants.Any(p => p.Role == role && p.Attendance is Attendance.OncePerYear or Attendance.OncePerLoop);

    /// <summary>Same values as <paramref name="other"/> (records compare arrays by reference, so this compares them item by item).</summary>
    public bool SameAs(WheelSettings other) =>
        this with { Seasons = [], ConversationSeasons = [], Participants = [] } == other with { Seasons = [], ConversationSeasons = [], Participants = [] }
        && Seasons.SequenceEqual(other.Seasons) && ConversationSeasons.SequenceEqual(other.ConversationSeasons) && Participants.SequenceEqual(other.Participants);

    public SeasonWindow Window(Season season) =>
        Seasons.FirstOrDefault(s => s.Season == season)
        ?? throw new DomainInvariantException($"The wheel has no window for {season}.");
}
