using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Units;

/// <summary>
/// The stored form of a unit's loop: what cannot be derived. The calendar is recomputed from the
/// copied wheel settings; slots come from the calendar (occurrences are stored in calendar order);
/// task ids, units and chiefs, agreement sources and empty or default fields are left out.
/// Every command rewrites this whole record, so it is kept small: <see cref="StoredLoopJson"/> writes it
/// as compact rows, and <see cref="UnitStateCodec"/> decides what goes in.
/// </summary>
[JsonConverter(typeof(StoredLoopJson))]
public sealed record StoredLoop
{
    public Unit Unit { get; init; } = null!;

    public LoopId Loop { get; init; }

    public int WheelVersion { get; init; }

    /// <summary>Null when the loop runs on the built-in version 0 of its wheel (<see cref="WheelDefaults"/>).</summary>
    public WheelSettings? Settings { get; init; }

    public DateTimeOffset TrackedFrom { get; init; }

    public ImmutableArray<StoredConversation> Conversations { get; init; } = [];

    public ImmutableArray<StoredOccurrence> OneToOnes { get; init; } = [];

    public ImmutableArray<StoredBoardReport>? BoardReports { get; init; }

    /// <summary>The chief's cases on written supervision reports, by the board report's position; null when there are none.</summary>
    public ImmutableArray<Domain.Supervision.SupervisionCase?>? Cases { get; init; }

    public ThemeSet? Themes { get; init; }

    public ImmutableArray<FocusAreaSelection>? FocusAreas { get; init; }

    public ImmutableArray<StoredAgreement>? Agreements { get; init; }

    public ImmutableArray<StoredTask>? Tasks { get; init; }

    public Opsamling? Opsamling { get; init; }

    public ImmutableArray<LoopSummary>? PastLoops { get; init; }
}

/// <summary>A samtale's progress; its slot is the calendar's at the same position.</summary>
public sealed record StoredConversation(
    ConversationStatus Status,
    DateTimeOffset? ScheduledFor = null,
    string? ScheduledBy = null,
    DateTimeOffset? HeldAt = null,
    string? HeldBy = null,
    int Statements = 0,
    int Versions = 0,
    DateTimeOffset? RecordedAt = null,
    ImmutableArray<ParticipantRole>? Roles = null);

/// <summary>A 1:1's progress (Status is a OneToOneStatus); its slot is the calendar's at the same position.</summary>
public sealed record StoredOccurrence(
    Contracts.Model.OneToOneStatus Status,
    DateTimeOffset? ScheduledFor = null,
    DateTimeOffset? HeldAt = null,
    string? HeldBy = null,
    DateTimeOffset? RecordedAt = null,
    string? RecordedBy = null);

/// <summary>A board report's progress; its slot is the calendar's at the same position.</summary>
public sealed record StoredBoardReport(
    BoardReportStatus Status,
    string? SubmittedBy = null,
    DateTimeOffset? SubmittedAt = null,
    DateOnly? ReviewDue = null,
    string? ReviewedBy = null,
    DateTimeOffset? ReviewedAt = null,
    string? ReviewNote = null,
    DateOnly? FollowUpDue = null,
    DateTimeOffset? FollowUpHeldAt = null);

/// <summary>A task without what its unit knows: id, unit and (when it is the unit's) chief.</summary>
public sealed record StoredTask(
    TaskKind Kind,
    string Occurrence,
    AssigneeRole Assignee,
    DateOnly Due,
    TaskState State,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ClosedAt = null,
    string? ClosedBy = null,
    string? Chief = null);

/// <summary>An agreement; its source is read from its id ("conversation:2023-Spring#1").</summary>
public sealed record StoredAgreement(
    string Id,
    string Action,
    string Owner,
    DateOnly Due,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    AgreementStatus Status = AgreementStatus.Open,
    DateTimeOffset? ClosedAt = null,
    string? ClosedBy = null,
    string? Note = null);
