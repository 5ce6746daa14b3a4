using System.Collections.Immutable;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>Counts for operations (never meeting content): is the unit's loop on track?</summary>
public sealed record LoopHealthDto(
    int ConversationsHeld,
    int ConversationsOverdue,
    int OneToOnesHeld,
    int OneToOnesOverdue,
    int OpenTasks,
    int OverdueTasks,
    int BoardReportsOverdue,
    int OpenAgreements,
    int AgreementsPastDue)
{
    /// <summary>Tracked samtaler whose window has closed (held in it, held late, or overdue).</summary>
    public int ConversationsDue { get; init; }

    /// <summary>Tracked 1:1s whose due day has passed; <see cref="OneToOnesDueHeld"/> of them were held.</summary>
    public int OneToOnesDue { get; init; }

    public int OneToOnesDueHeld { get; init; }

    /// <summary>Board reports not yet submitted whose notice period has begun (overdue ones included).</summary>
    public int BoardReportsDue { get; init; }

    /// <summary>Board reports submitted and waiting for the chief's review.</summary>
    public int BoardReportsInReview { get; init; }

    /// <summary>Open and overdue tasks per kind (kinds without an open task left out).</summary>
    public ImmutableArray<TaskKindHealthDto> TasksByKind { get; init; } = [];

    /// <summary>Periods ("2023-Spring") of tracked samtaler whose data package release day has come.</summary>
    public ImmutableArray<string> DataReleasesDue { get; init; } = [];
}

/// <summary>How many tasks of one kind are open (overdue ones included) and overdue.</summary>
public sealed record TaskKindHealthDto(TaskKind Kind, int Open, int Overdue);

public sealed record ThemeDto(string Code, string Title);

public sealed record FocusAreaDto(string ThemeCode, string Title, string? Description = null);

/// <summary>That a loop was summed up, by whom and when (the text is the Opsamling document).</summary>
public sealed record OpsamlingStatusDto(string SubmittedBy, DateTimeOffset SubmittedAt);

/// <summary>What is kept of a finished loop.</summary>
public sealed record LoopSummaryDto(
    string Loop,
    int WheelVersion,
    int ConversationsHeld,
    int ConversationsPlanned,
    int OneToOnesHeld,
    ImmutableArray<FocusAreaDto> FocusAreas,
    OpsamlingStatusDto? Opsamling);

/// <summary>A unit in its current loop ("0-6/2023": the year its quality report is treated).</summary>
public sealed record UnitStatusDto(
    UnitDto Unit,
    string Loop,
    int WheelVersion,
    ConversationHolder Holder,
    DateOnly Treatment,
    DateOnly LoopEnd,
    DateOnly OpsamlingDue,
    ImmutableArray<ThemeDto> Themes,
    ImmutableArray<FocusAreaDto> FocusAreas,
    OpsamlingStatusDto? Opsamling,
    LoopHealthDto Health,
    ImmutableArray<LoopSummaryDto> PastLoops);

/// <summary>One læringssamtale of the loop: its window, data release and progress. Period is "2023-Spring".</summary>
public sealed record ConversationDto(
    int Number,
    string Period,
    int LoopYear,
    DateOnly DataRelease,
    DateOnly WindowOpen,
    DateOnly WindowClose,
    ConversationStatus Status,
    DateTimeOffset? ScheduledFor,
    DateTimeOffset? HeldAt,
    string? HeldBy,
    int RecordVersions,
    DateTimeOffset? RecordedAt,
    int BoardStatements,
    bool Overdue);

/// <summary>One 1:1 follow-up; key "2023-Spring.2" = the second after the 2023 spring samtale.</summary>
public sealed record OneToOneDto(
    string Key,
    string After,
    int Ordinal,
    DateOnly Due,
    OneToOneStatus Status,
    DateTimeOffset? ScheduledFor,
    DateTimeOffset? HeldAt,
    string? HeldBy,
    DateTimeOffset? RecordedAt,
    bool Overdue);

/// <summary>A self-owned board's yearly written supervision report and the chief's follow-up.</summary>
public sealed record BoardReportDto(
    int Year,
    DateOnly Due,
    BoardReportStatus Status,
    string? SubmittedBy,
    DateTimeOffset? SubmittedAt,
    DateOnly? ReviewDue,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    string? ReviewNote,
    DateOnly? FollowUpDue,
    DateTimeOffset? FollowUpHeldAt,
    bool Overdue);

/// <summary>The calendar of the current loop with every occurrence's progress.</summary>
public sealed record TimelineDto(
    string Loop,
    DateOnly Treatment,
    DateOnly NextTreatment,
    DateOnly LoopEnd,
    DateOnly OpsamlingDue,
    ImmutableArray<ConversationDto> Conversations,
    ImmutableArray<OneToOneDto> OneToOnes,
    ImmutableArray<BoardReportDto> BoardReports);
