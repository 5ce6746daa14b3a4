using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;

namespace OrleansTilsyn.Grains.Mapping;

/// <summary>Wheel versions between the wire (days as "MM-dd") and the domain.</summary>
public static class WheelMapping
{
    public static WheelKeyDto ToDto(this WheelConfigKey k) => new(k.Sector, k.SelfOwned, k.Special);

    public static WheelConfigKey ToDomain(this WheelKeyDto k) => new(k.Sector, k.SelfOwned, k.Special);

    public static WheelVersionDto ToDto(this WheelVersion v) =>
        new(v.Key.ToDto(), v.Version, v.EffectiveFrom, v.Settings.ToDto(), v.ChangedBy, v.ChangedAt, v.Reason);

    /// <summary>Back to the domain; the settings were validated when the version was added.</summary>
    public static WheelVersion ToDomain(this WheelVersionDto v) =>
        new(v.Key.ToDomain(), v.Version, v.EffectiveFrom, v.Settings.ToDomain().Ok, v.ChangedBy, v.ChangedAt, v.Reason);

    public static WheelSettingsDto ToDto(this WheelSettings s) => new(
        s.QualityReportTreated.ToString(),
        [.. s.Seasons.Select(w => new SeasonWindowDto(w.Season, w.DataRelease.ToString(), w.WindowOpen.ToString(), w.WindowClose.ToString()))],
        s.ConversationSeasons, s.MinutesDueDays, s.OneToOnesPerYear, s.OneToOneNoticeDays, s.BoardReportDue.ToString(), s.BoardReportNoticeDays,
        s.ChiefReviewDays, s.FollowUpMeetingDays, s.FocusAreaOverviewDays, s.OpsamlingDue.ToString(),
        [.. s.Participants.Select(p => new ParticipantRequirementDto(p.Role, p.Attendance))], s.BoardPerspectiveAtLaterConversations);

    /// <summary>Parses every day; an unparsable one is an Invalid violation on its field (rules are checked by the domain after).</summary>
    public static Result<WheelSettings> ToDomain(this WheelSettingsDto? s)
    {
        if (s is null) return Problem.Invalid("settings", "is required");
        var (settings, violations) = Parse(s);
        return violations.ToResult("The wheel settings are not valid.", () => settings);
    }

    /// <summary>The settings with every unparsable day replaced by 01-01, and a violation for each such day (fields "settings.…").</summary>
    public static (WheelSettings Settings, Violations Violations) Parse(this WheelSettingsDto s)
    {
        var v = new Violations();
        var seasons = s.Seasons.OrEmpty().Select((w, i) => new SeasonWindow(w.Season,
            Day(w.DataRelease, $"settings.seasons[{i}].dataRelease", v), Day(w.WindowOpen, $"settings.seasons[{i}].windowOpen", v),
            Day(w.WindowClose, $"settings.seasons[{i}].windowClose", v))).ToImmutableArray();
        var settings = new WheelSettings(
            Day(s.QualityReportTreated, "settings.qualityReportTreated", v), seasons, s.ConversationSeasons.OrEmpty(), s.MinutesDueDays,
            s.OneToOnesPerYear, s.OneToOneNoticeDays, Day(s.BoardReportDue, "settings.boardReportDue", v), s.BoardReportNoticeDays,
            s.ChiefReviewDays, s.FollowUpMeetingDays, s.FocusAreaOverviewDays, Day(s.OpsamlingDue, "settings.opsamlingDue", v),
            [.. s.Participants.OrEmpty().Select(p => new ParticipantRequirement(p.Role, p.Attendance))], s.BoardPerspectiveAtLaterConversations);
        return (settings, v);
    }

    private static MonthDay Day(string? text, string field, Violations v)
    {
        if (MonthDay.TryParse(text, out var day)) return day;
        v.Add(field, $"'{text}' is not a day like 03-31");
        return new MonthDay(1, 1);
    }
}
