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

/// <summary>A command was applied: the unit's new state version and the tasks it raised, changed or closed.</summary>
public sealed record CommandAck(long Version, ImmutableArray<TaskDto> TasksChanged);
