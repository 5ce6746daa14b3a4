using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Calendar;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>Counts for operations (never meeting content): is the unit's loop on track?</summary>
public sealed record LoopHealth(
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

    /// <summary>Tracked 1:1s whose due day has passed: held ones and overdue ones; cadence adherence is the held share.</summary>
    public int OneToOnesDue { get; init; }

    /// <summary>Of <see cref="OneToOnesDue"/>, the ones held.</summary>
    public int OneToOnesDueHeld { get; init; }

    /// <summary>Board reports not yet submitted whose notice period has begun (overdue ones included).</summary>
    public int BoardReportsDue { get; init; }

    /// <summary>Board reports submitted and waiting for the chief's review.</summary>
    public int BoardReportsInReview { get; init; }

    /// <summary>Open and overdue tasks per kind (kinds without an open task left out).</summary>
    public ImmutableArray<TaskKindHealth> TasksByKind { get; init; } = [];

    /// <summary>The periods of tracked samtaler whose data package release day has come.</summary>
    public ImmutableArray<Period> DataReleasesDue { get; init; } = [];
}

/// <summary>How many tasks of one kind are open (overdue ones included) and overdue.</summary>
public sealed record TaskKindHealth(TaskKind Kind, int Open, int Overdue);
