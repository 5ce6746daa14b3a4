using System.Collections.Immutable;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>A task the loop raised; the id is stable ("{unit}/{kind}/{occurrence}/{assignee}").</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.TaskDto")]
public sealed record TaskDto(
    [Id(0)] string Id,
    [Id(1)] TaskKind Kind,
    [Id(2)] string Unit,
    [Id(3)] string Occurrence,
    [Id(4)] AssigneeRole Assignee,
    [Id(5)] string Chief,
    [Id(6)] DateOnly Due,
    [Id(7)] TaskState State,
    [Id(8)] DateTimeOffset RaisedAt,
    [Id(9)] DateTimeOffset? ClosedAt = null,
    [Id(10)] string? ClosedBy = null);

/// <summary>Which tasks of a unit to list: one assignee or all; done tasks (kept 90 days) or not.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.TaskQuery")]
public sealed record TaskQuery([Id(0)] AssigneeRole? Assignee = null, [Id(1)] bool IncludeDone = false);

/// <summary>Which tasks of the portfolio a chief sees: only those for the chief, or every assignee's.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.InboxQuery")]
public sealed record InboxQuery([Id(0)] bool OnlyMine = true, [Id(1)] bool IncludeDone = false);

/// <summary>
/// A chief's inbox, computed from the portfolio's units: overdue first, then by due date.
/// <see cref="UnitsNotReached"/> lists units that did not answer in time (their tasks are missing).
/// </summary>
[GenerateSerializer, Immutable, Alias("tilsyn.InboxDto")]
public sealed record InboxDto([Id(0)] string Chief, [Id(1)] DateTimeOffset AsOf, [Id(2)] ImmutableArray<TaskDto> Tasks, [Id(3)] ImmutableArray<string> UnitsNotReached);

/// <summary>What a watch of an inbox yields: the whole inbox (first, and after each reconciliation) or tasks that changed.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.InboxUpdate")]
public sealed record InboxUpdate([Id(0)] bool IsSnapshot, [Id(1)] ImmutableArray<TaskDto> Tasks);

/// <summary>
/// A command was applied: the unit's new state version, the tasks it raised, changed or closed, and the
/// document versions it wrote (so the caller answers with what this command created, not with the newest).
/// A repeated request gets the first acknowledgement with no task changes (nothing changed the second time).
/// </summary>
[GenerateSerializer, Immutable, Alias("tilsyn.CommandAck")]
public sealed record CommandAck([Id(0)] long Version, [Id(1)] ImmutableArray<TaskDto> TasksChanged, [Id(2)] ImmutableArray<WrittenDocument> Written = default)
{
    /// <summary>The version of <paramref name="kind"/> this command wrote; null when it wrote none.</summary>
    public int? WrittenVersion(DocumentKind kind) => Written.IsDefault ? null : Written.FirstOrDefault(d => d.Kind == kind)?.Version;
}

/// <summary>A document version a command wrote: kind, occurrence (e.g. the period) and version.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.WrittenDocument")]
public sealed record WrittenDocument([Id(0)] DocumentKind Kind, [Id(1)] string Occurrence, [Id(2)] int Version);
