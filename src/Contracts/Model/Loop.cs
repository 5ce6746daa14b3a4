using System.Collections.Immutable;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>Counts for operations (never meeting content): is the unit's loop on track?</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.LoopHealthDto")]
public sealed record LoopHealthDto(
    [Id(0)] int ConversationsHeld,
    [Id(1)] int ConversationsOverdue,
    [Id(2)] int OneToOnesHeld,
    [Id(3)] int OneToOnesOverdue,
    [Id(4)] int OpenTasks,
    [Id(5)] int OverdueTasks,
    [Id(6)] int BoardReportsOverdue,
    [Id(7)] int OpenAgreements,
    [Id(8)] int AgreementsPastDue)
{
    /// <summary>Tracked samtaler whose window has closed (held in it, held late, or overdue).</summary>
    [Id(9)]
    public int ConversationsDue { get; init; }

    /// <summary>Tracked 1:1s whose due day has passed; <see cref="OneToOnesDueHeld"/> of them were held.</summary>
    [Id(10)]
    public int OneToOnesDue { get; init; }

    [Id(11)]
    public int OneToOnesDueHeld { get; init; }

    /// <summary>Board reports not yet submitted whose notice period has begun (overdue ones included).</summary>
    [Id(12)]
    public int BoardReportsDue { get; init; }

    /// <summary>Board reports submitted and waiting for the chief's review.</summary>
    [Id(13)]
    public int BoardReportsInReview { get; init; }

    /// <summary>Open and overdue tasks per kind (kinds without an open task left out).</summary>
    [Id(14)]
    public ImmutableArray<TaskKindHealthDto> TasksByKind { get; init; } = [];

    /// <summary>Periods ("2023-Spring") of tracked samtaler whose data package release day has come.</summary>
    [Id(15)]
    public ImmutableArray<string> DataReleasesDue { get; init; } = [];
}

/// <summary>How many tasks of one kind are open (overdue ones included) and overdue.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.TaskKindHealthDto")]
public sealed record TaskKindHealthDto([Id(0)] TaskKind Kind, [Id(1)] int Open, [Id(2)] int Overdue);

[GenerateSerializer, Immutable, Alias("tilsyn.ThemeDto")]
public sealed record ThemeDto([Id(0)] string Code, [Id(1)] string Title);

[GenerateSerializer, Immutable, Alias("tilsyn.FocusAreaDto")]
public sealed record FocusAreaDto([Id(0)] string ThemeCode, [Id(1)] string Title, [Id(2)] string? Description = null);

/// <summary>That a loop was summed up, by whom and when (the text is the Opsamling document).</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.OpsamlingStatusDto")]
public sealed record OpsamlingStatusDto([Id(0)] string SubmittedBy, [Id(1)] DateTimeOffset SubmittedAt);

/// <summary>What is kept of a finished loop.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.LoopSummaryDto")]
public sealed record LoopSummaryDto(
    [Id(0)] string Loop,
    [Id(1)] int WheelVersion,
    [Id(2)] int ConversationsHeld,
    [Id(3)] int ConversationsPlanned,
    [Id(4)] int OneToOnesHeld,
    [Id(5)] ImmutableArray<FocusAreaDto> FocusAreas,
    [Id(6)] OpsamlingStatusDto? Opsamling);

/// <summary>A unit in its current loop ("0-6/2023": the year its quality report is treated).</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.UnitStatusDto")]
public sealed record UnitStatusDto(
    [Id(0)] UnitDto Unit,
    [Id(1)] string Loop,
    [Id(2)] int WheelVersion,
    [Id(3)] ConversationHolder Holder,
    [Id(4)] DateOnly Treatment,
    [Id(5)] DateOnly LoopEnd,
    [Id(6)] DateOnly OpsamlingDue,
    [Id(7)] ImmutableArray<ThemeDto> Themes,
    [Id(8)] ImmutableArray<FocusAreaDto> FocusAreas,
    [Id(9)] OpsamlingStatusDto? Opsamling,
    [Id(10)] LoopHealthDto Health,
    [Id(11)] ImmutableArray<LoopSummaryDto> PastLoops);

/// <summary>One læringssamtale of the loop: its window, data release and progress. Period is "2023-Spring".</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.ConversationDto")]
public sealed record ConversationDto(
    [Id(0)] int Number,
    [Id(1)] string Period,
    [Id(2)] int LoopYear,
    [Id(3)] DateOnly DataRelease,
    [Id(4)] DateOnly WindowOpen,
    [Id(5)] DateOnly WindowClose,
    [Id(6)] ConversationStatus Status,
    [Id(7)] DateTimeOffset? ScheduledFor,
    [Id(8)] DateTimeOffset? HeldAt,
    [Id(9)] string? HeldBy,
    [Id(10)] int RecordVersions,
    [Id(11)] DateTimeOffset? RecordedAt,
    [Id(12)] int BoardStatements,
    [Id(13)] bool Overdue);

/// <summary>One 1:1 follow-up; key "2023-Spring.2" = the second after the 2023 spring samtale.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.OneToOneDto")]
public sealed record OneToOneDto(
    [Id(0)] string Key,
    [Id(1)] string After,
    [Id(2)] int Ordinal,
    [Id(3)] DateOnly Due,
    [Id(4)] OneToOneStatus Status,
    [Id(5)] DateTimeOffset? ScheduledFor,
    [Id(6)] DateTimeOffset? HeldAt,
    [Id(7)] string? HeldBy,
    [Id(8)] DateTimeOffset? RecordedAt,
    [Id(9)] bool Overdue);

/// <summary>A self-owned board's yearly written supervision report and the chief's follow-up.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.BoardReportDto")]
public sealed record BoardReportDto(
    [Id(0)] int Year,
    [Id(1)] DateOnly Due,
    [Id(2)] BoardReportStatus Status,
    [Id(3)] string? SubmittedBy,
    [Id(4)] DateTimeOffset? SubmittedAt,
    [Id(5)] DateOnly? ReviewDue,
    [Id(6)] string? ReviewedBy,
    [Id(7)] DateTimeOffset? ReviewedAt,
    [Id(8)] string? ReviewNote,
    [Id(9)] DateOnly? FollowUpDue,
    [Id(10)] DateTimeOffset? FollowUpHeldAt,
    [Id(11)] bool Overdue);

/// <summary>The calendar of the current loop with every occurrence's progress.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.TimelineDto")]
public sealed record TimelineDto(
    [Id(0)] string Loop,
    [Id(1)] DateOnly Treatment,
    [Id(2)] DateOnly NextTreatment,
    [Id(3)] DateOnly LoopEnd,
    [Id(4)] DateOnly OpsamlingDue,
    [Id(5)] ImmutableArray<ConversationDto> Conversations,
    [Id(6)] ImmutableArray<OneToOneDto> OneToOnes,
    [Id(7)] ImmutableArray<BoardReportDto> BoardReports);
