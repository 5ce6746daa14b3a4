using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Grains.Domain.Calendar;

/// <summary>What makes a wheel version usable; every violation is reported.</summary>
public static class WheelSettingsRules
{
    public static IReadOnlyList<FieldViolation> Validate(WheelSettings s)
    {
        var v = new Violations();
        var seasons = s.Seasons.IsDefault ? [] : s.Seasons;
        var conversationSeasons = s.ConversationSeasons.IsDefault ? [] : s.ConversationSeasons;
        v.Require(seasons.Select(w => w.Season).Distinct().Count() == seasons.Length, "seasons", "each season at most once");
        for (var i = 0; i < seasons.Length; i++)
        {
            var w = seasons[i];
            v.Require(w.DataRelease.CompareTo(w.WindowOpen) <= 0, $"seasons[{i}].dataRelease", "the data package must be released before the window opens");
            v.Require(w.WindowOpen < w.WindowClose, $"seasons[{i}].windowClose", "the window must close after it opens");
        }
        if (seasons.Length == 2)
        {
            var (first, second) = seasons[0].WindowOpen < seasons[1].WindowOpen ? (seasons[0], seasons[1]) : (seasons[1], seasons[0]);
            v.Require(first.WindowClose < second.WindowOpen, "seasons", "the two windows must not overlap");
        }
        v.Require(conversationSeasons.Length is 1 or 2, "conversationSeasons", "one or two conversations a year");
        v.Require(conversationSeasons.Distinct().Count() == conversationSeasons.Length, "conversationSeasons", "each season at most once");
        v.Require(conversationSeasons.All(c => seasons.Any(w => w.Season == c)), "conversationSeasons", "every conversation season needs a window");
        v.Require(s.MinutesDueDays is >= 1 and <= 90, "minutesDueDays", "must be 1-90 days");
        v.Require(s.OneToOnesPerYear is >= 1 and <= 24, "oneToOnesPerYear", "must be 1-24");
        v.Require(s.OneToOneNoticeDays is >= 0 and <= 60, "oneToOneNoticeDays", "must be 0-60 days");
        v.Require(s.BoardReportNoticeDays is >= 0 and <= 120, "boardReportNoticeDays", "must be 0-120 days");
        v.Require(s.ChiefReviewDays is >= 1 and <= 120, "chiefReviewDays", "must be 1-120 days");
        v.Require(s.FollowUpMeetingDays is >= 1 and <= 180, "followUpMeetingDays", "must be 1-180 days");
        v.Require(s.FocusAreaOverviewDays is >= 1 and <= 180, "focusAreaOverviewDays", "must be 1-180 days");
        v.Require(s.OpsamlingDue < s.QualityReportTreated, "opsamlingDue", "the summing-up must be due before the next quality report is treated");
        var participants = s.Participants.IsDefault ? [] : s.Participants;
        v.Require(participants.Select(p => p.Role).Distinct().Count() == participants.Length, "participants", "each role at most once");
        return v.Items;
    }
}
