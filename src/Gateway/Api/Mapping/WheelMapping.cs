using System.Collections.Immutable;
using System.Globalization;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Grpc;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api.Mapping;

/// <summary>
/// Wheel configuration: keys as <c>wheelConfigs/{sector}[-self-owned][-special]</c>, days of the year as
/// <see cref="MonthDay"/> on the wire and "MM-dd" in the domain (which checks that they exist).
/// </summary>
public static class WheelMapping
{
    public static string ConfigSegment(Model.WheelKeyDto key) =>
        key.Sector.Segment() + (key.SelfOwned ? "-self-owned" : "") + (key.Special ? "-special" : "");

    public static Model.WheelKeyDto ParseConfigSegment(string segment, string field)
    {
        var rest = segment;
        var special = Strip(ref rest, "-special");
        var selfOwned = Strip(ref rest, "-self-owned");
        if (rest is not ("dagtilbud" or "skole" or "fu"))
            throw GrpcErrors.InvalidArgument($"'{segment}' is not a wheel configuration.", (field, "must look like wheelConfigs/{sector}[-self-owned][-special] with sector dagtilbud, skole or fu"));
        var sector = CommonMapping.ParseSectorSegment(rest, field);
        if (selfOwned && sector != Model.Sector.Dagtilbud)
            throw GrpcErrors.InvalidArgument("Only dagtilbud can be self-owned.", (field, "only dagtilbud has a self-owned configuration"));
        return new Model.WheelKeyDto(sector, selfOwned, special);
    }

    public static WheelVersion ToApi(this Model.WheelVersionDto v)
    {
        var version = new WheelVersion
        {
            Name = ResourceNames.WheelVersion.Format(ConfigSegment(v.Key), v.Version.ToString(CultureInfo.InvariantCulture)),
            Version = v.Version,
            Settings = v.Settings.ToApi(),
            Reason = v.Reason,
        };
        if (v.Version > 0)
        {
            version.EffectiveFrom = v.EffectiveFrom.ToApi();
            version.Changed = CommonMapping.Attribution(v.ChangedBy, v.ChangedAt);
        }

        return version;
    }

    public static WheelSettings ToApi(this Model.WheelSettingsDto s)
    {
        var settings = new WheelSettings
        {
            QualityReportTreated = Day(s.QualityReportTreated),
            MinutesDueDays = s.MinutesDueDays,
            OneToOnesPerYear = s.OneToOnesPerYear,
            OneToOneNoticeDays = s.OneToOneNoticeDays,
            BoardReportDue = Day(s.BoardReportDue),
            BoardReportNoticeDays = s.BoardReportNoticeDays,
            ChiefReviewDays = s.ChiefReviewDays,
            FollowUpMeetingDays = s.FollowUpMeetingDays,
            FocusAreaOverviewDays = s.FocusAreaOverviewDays,
            OpsamlingDue = Day(s.OpsamlingDue),
            BoardPerspectiveAtLaterConversations = s.BoardPerspectiveAtLaterConversations,
        };
        settings.Seasons.AddRange(s.Seasons.Select(w => new SeasonWindow
        {
            Season = ApiEnums.ToApi<Model.Season, Season>(w.Season),
            DataRelease = Day(w.DataRelease),
            WindowOpen = Day(w.WindowOpen),
            WindowClose = Day(w.WindowClose),
        }));
        settings.ConversationSeasons.AddRange(s.ConversationSeasons.Select(ApiEnums.ToApi<Model.Season, Season>));
        settings.Participants.AddRange(s.Participants.Select(p => p.ToApi()));
        return settings;
    }

    /// <summary>The settings of a request; unset enums and messages are violations, the rest the domain checks.</summary>
    public static Model.WheelSettingsDto ToModel(this WheelSettings? s, string field)
    {
        if (s is null) throw GrpcErrors.InvalidArgument($"{field} is required.", (field, "is required"));
        var v = new RequestViolations();
        var seasons = s.Seasons.Select((w, i) => new Model.SeasonWindowDto(
            v.Enum<Season, Model.Season>(w.Season, $"{field}.seasons[{i}].season"),
            Day(w.DataRelease, $"{field}.seasons[{i}].data_release", v), Day(w.WindowOpen, $"{field}.seasons[{i}].window_open", v),
            Day(w.WindowClose, $"{field}.seasons[{i}].window_close", v))).ToImmutableArray();
        var conversationSeasons = s.ConversationSeasons.Select((c, i) => v.Enum<Season, Model.Season>(c, $"{field}.conversation_seasons[{i}]")).ToImmutableArray();
        var participants = s.Participants.Select((p, i) => new Model.ParticipantRequirementDto(
            v.Enum<ParticipantRole, Model.ParticipantRole>(p.Role, $"{field}.participants[{i}].role"),
            v.Enum<Attendance, Model.Attendance>(p.Attendance, $"{field}.participants[{i}].attendance"))).ToImmutableArray();
        var settings = new Model.WheelSettingsDto(
            Day(s.QualityReportTreated, $"{field}.quality_report_treated", v), seasons, conversationSeasons, s.MinutesDueDays, s.OneToOnesPerYear,
            s.OneToOneNoticeDays, Day(s.BoardReportDue, $"{field}.board_report_due", v), s.BoardReportNoticeDays, s.ChiefReviewDays,
            s.FollowUpMeetingDays, s.FocusAreaOverviewDays, Day(s.OpsamlingDue, $"{field}.opsamling_due", v), participants,
            s.BoardPerspectiveAtLaterConversations);
        v.ThrowIfAny($"The {field} cannot be read.");
        return settings;
    }

    private static MonthDay Day(string monthDay)
    {
        var parts = monthDay.Split('-');
        return new MonthDay { Month = int.Parse(parts[0], CultureInfo.InvariantCulture), Day = int.Parse(parts[1], CultureInfo.InvariantCulture) };
    }

    private static string Day(MonthDay? day, string field, RequestViolations v)
    {
        if (day is null)
        {
            v.Add(field, "is required");
            return "";
        }

        if (day.Month is < 1 or > 12 || day.Day is < 1 or > 31)
        {
            v.Add(field, $"{day.Month:00}-{day.Day:00} is not a day of the year");
            return "";
        }

        return $"{day.Month:00}-{day.Day:00}";
    }

    private static bool Strip(ref string text, string suffix)
    {
        if (!text.EndsWith(suffix, StringComparison.Ordinal)) return false;
        text = text[..^suffix.Length];
        return true;
    }
}
