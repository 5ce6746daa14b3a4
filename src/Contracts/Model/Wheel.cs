using System.Collections.Immutable;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>Which units a wheel version is for.</summary>
public sealed record WheelKeyDto(Sector Sector, bool SelfOwned = false, bool Special = false);

/// <summary>When a season's data package is released and its samtale window opens and closes; days are "MM-dd".</summary>
public sealed record SeasonWindowDto(Season Season, string DataRelease, string WindowOpen, string WindowClose);

/// <summary>One version of the annual wheel: every date ("MM-dd") and cadence the loop uses.</summary>
public sealed record WheelSettingsDto(
    string QualityReportTreated,
    ImmutableArray<SeasonWindowDto> Seasons,
    ImmutableArray<Season> ConversationSeasons,
    int MinutesDueDays,
    int OneToOnesPerYear,
    int OneToOneNoticeDays,
    string BoardReportDue,
    int BoardReportNoticeDays,
    int ChiefReviewDays,
    int FollowUpMeetingDays,
    int FocusAreaOverviewDays,
    string OpsamlingDue,
    ImmutableArray<ParticipantRequirementDto> Participants,
    bool BoardPerspectiveAtLaterConversations);

/// <summary>An attributed version; version 0 is the built-in default.</summary>
public sealed record WheelVersionDto(WheelKeyDto Key, int Version, DateOnly EffectiveFrom, WheelSettingsDto Settings, string ChangedBy, DateTimeOffset ChangedAt, string Reason);

/// <summary>A new version: applies to loops that start on or after <see cref="EffectiveFrom"/>.</summary>
public sealed record WheelChangeDto(WheelKeyDto Key, DateOnly EffectiveFrom, WheelSettingsDto Settings, string Reason);

/// <summary>Values of groups smaller than this are suppressed when a data package is read.</summary>
public sealed record SuppressionDto(int MinimumGroupSize);
