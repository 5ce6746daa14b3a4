using System.Collections.Immutable;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>A task the loop raised; the id is stable ("{unit}/{kind}/{occurrence}/{assignee}").</summary>
public sealed record TaskDto(
    string Id,
    TaskKind Kind,
    string Unit,
    string Occurrence,
    AssigneeRole Assignee,
    string Chief,
    DateOnly Due,
    TaskState State,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ClosedAt = null,
    string? ClosedBy = null);

/// <summary>Which tasks of a unit to list: one assignee or all; done tasks (kept 90 days) or not.</summary>
public sealed record TaskQuery(AssigneeRole? Assignee = null, bool IncludeDone = false);

/// <summary>Which tasks of the portfolio a chief sees: only those for the chief, or every assignee's.</summary>
public sealed record InboxQuery(bool OnlyMine = true, bool IncludeDone = false);

/// <summary>
/// A chief's inbox, computed from the portfolio's units: overdue first, then by due date.
/// <see cref="UnitsNotReached"/> lists units that did not answer in time (their tasks are missing).
/// </summary>
public sealed record InboxDto(string Chief, DateTimeOffset AsOf, ImmutableArray<TaskDto> Tasks, ImmutableArray<string> UnitsNotReached);

/// <summary>What a watch of an inbox yields: the whole inbox (first, and after each reconciliation) or tasks that changed.</summary>
public sealed record InboxUpdate(bool IsSnapshot, ImmutableArray<TaskDto> Tasks);

/// <summary>
/// A command was applied: the unit's new state version, the tasks it raised, changed or closed, and the
/// document versions it wrote (so the caller answers with what this command created, not with the newest).
/// A repeated request gets the first acknowledgement with no task changes (nothing changed the second time).
/// </summary>
public sealed record CommandAck(long Version, ImmutableArray<TaskDto> TasksChanged, ImmutableArray<WrittenDocument> Written = default)
{
    /// <summary>The version of <paramref name="kind"/> this command wrote; null when it wrote none.</summary>
    public int? WrittenVersion(DocumentKind kind) => Written.IsDefault ? null : Written.FirstOrDefault(d => d.Kind == kind)?.Version;
}

/// <summary>A document version a command wrote: kind, occurrence (e.g. the period) and version.</summary>
public sealed record WrittenDocument(DocumentKind Kind, string Occurrence, int Version);
