using System.Collections.Immutable;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>Which units a wheel version is for.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.WheelKeyDto")]
public sealed record WheelKeyDto([Id(0)] Sector Sector, [Id(1)] bool SelfOwned = false, [Id(2)] bool Special = false);

/// <summary>When a season's data package is released and its samtale window opens and closes; days are "MM-dd".</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.SeasonWindowDto")]
public sealed record SeasonWindowDto([Id(0)] Season Season, [Id(1)] string DataRelease, [Id(2)] string WindowOpen, [Id(3)] string WindowClose);

/// <summary>One version of the annual wheel: every date ("MM-dd") and cadence the loop uses.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.WheelSettingsDto")]
public sealed record WheelSettingsDto(
    [Id(0)] string QualityReportTreated,
    [Id(1)] ImmutableArray<SeasonWindowDto> Seasons,
    [Id(2)] ImmutableArray<Season> ConversationSeasons,
    [Id(3)] int MinutesDueDays,
    [Id(4)] int OneToOnesPerYear,
    [Id(5)] int OneToOneNoticeDays,
    [Id(6)] string BoardReportDue,
    [Id(7)] int BoardReportNoticeDays,
    [Id(8)] int ChiefReviewDays,
    [Id(9)] int FollowUpMeetingDays,
    [Id(10)] int FocusAreaOverviewDays,
    [Id(11)] string OpsamlingDue,
    [Id(12)] ImmutableArray<ParticipantRequirementDto> Participants,
    [Id(13)] bool BoardPerspectiveAtLaterConversations);

/// <summary>An attributed version; version 0 is the built-in default.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.WheelVersionDto")]
public sealed record WheelVersionDto([Id(0)] WheelKeyDto Key, [Id(1)] int Version, [Id(2)] DateOnly EffectiveFrom, [Id(3)] WheelSettingsDto Settings, [Id(4)] string ChangedBy, [Id(5)] DateTimeOffset ChangedAt, [Id(6)] string Reason);

/// <summary>A new version: applies to loops that start on or after <see cref="EffectiveFrom"/>.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.WheelChangeDto")]
public sealed record WheelChangeDto([Id(0)] WheelKeyDto Key, [Id(1)] DateOnly EffectiveFrom, [Id(2)] WheelSettingsDto Settings, [Id(3)] string Reason);

/// <summary>Values of groups smaller than this are suppressed when a data package is read.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.SuppressionDto")]
public sealed record SuppressionDto([Id(0)] int MinimumGroupSize);
