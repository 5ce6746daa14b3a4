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
/// Every command rewrites this whole record, so it is kept small (see <see cref="UnitStateCodec"/>).
/// </summary>
public sealed record StoredLoop
{
    public Unit Unit { get; init; } = null!;

    public LoopId Loop { get; init; }

    public int WheelVersion { get; init; }

    public WheelSettings Settings { get; init; } = null!;

    public DateTimeOffset TrackedFrom { get; init; }

    public ImmutableArray<StoredConversation> Conversations { get; init; } = [];

    public ImmutableArray<StoredOccurrence> OneToOnes { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<StoredBoardReport>? BoardReports { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ThemeSet? Themes { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<FocusAreaSelection>? FocusAreas { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<StoredAgreement>? Agreements { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<StoredTask>? Tasks { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Opsamling? Opsamling { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<LoopSummary>? PastLoops { get; init; }
}

/// <summary>A samtale's progress; its slot is the calendar's at the same position.</summary>
public sealed record StoredConversation(
    ConversationStatus Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ScheduledFor = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ScheduledBy = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? HeldAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? HeldBy = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Statements = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Versions = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? RecordedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<ParticipantRole>? Roles = null);

/// <summary>A 1:1's progress (Status is a OneToOneStatus); its slot is the calendar's at the same position.</summary>
public sealed record StoredOccurrence(
    Contracts.Model.OneToOneStatus Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ScheduledFor = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? HeldAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? HeldBy = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? RecordedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RecordedBy = null);

/// <summary>A board report's progress; its slot is the calendar's at the same position.</summary>
public sealed record StoredBoardReport(
    BoardReportStatus Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SubmittedBy = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? SubmittedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? ReviewDue = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReviewedBy = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ReviewedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReviewNote = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? FollowUpDue = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? FollowUpHeldAt = null);

/// <summary>A task without what its unit knows: id, unit and (when it is the unit's) chief.</summary>
public sealed record StoredTask(
    TaskKind Kind,
    string Occurrence,
    AssigneeRole Assignee,
    DateOnly Due,
    TaskState State,
    DateTimeOffset RaisedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ClosedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClosedBy = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Chief = null);

/// <summary>An agreement; its source is read from its id ("conversation:2023-Spring#1").</summary>
public sealed record StoredAgreement(
    string Id,
    string Action,
    string Owner,
    DateOnly Due,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] AgreementStatus Status = AgreementStatus.Open,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ClosedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClosedBy = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note = null);
