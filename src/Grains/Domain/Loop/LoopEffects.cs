using System.Text.Json.Serialization;
using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Documents;
using OrleansTilsyn.Grains.Domain.Tasks;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>
/// What a transition asks the grain to do besides storing the new state: tasks to route (raised,
/// changed to overdue or re-routed, closed), agenda changes in the order they must be applied, and
/// the documents written (minutes, records, reports, statements) for their record grains.
/// </summary>
public sealed record LoopEffects(
    ImmutableArray<LoopTask> TasksRaised,
    ImmutableArray<LoopTask> TasksUpdated,
    ImmutableArray<LoopTask> TasksClosed,
    ImmutableArray<AgendaChange> Reminders,
    ImmutableArray<LoopDocument> Documents)
{
    public static LoopEffects None { get; } = new([], [], [], [], []);

    [JsonIgnore]
    public bool IsEmpty => TasksRaised.IsEmpty && TasksUpdated.IsEmpty && TasksClosed.IsEmpty && Reminders.IsEmpty && Documents.IsEmpty;

    /// <summary>These effects followed by <paramref name="next"/> (two transitions applied as one).</summary>
    public LoopEffects Then(LoopEffects next) => new(
        [.. TasksRaised, .. next.TasksRaised], [.. TasksUpdated, .. next.TasksUpdated], [.. TasksClosed, .. next.TasksClosed],
        [.. Reminders, .. next.Reminders], [.. Documents, .. next.Documents]);

    /// <summary>Every task whose state changed, for a chief's inbox to upsert by id.</summary>
    [JsonIgnore]
    public IEnumerable<LoopTask> ChangedTasks => TasksRaised.Concat(TasksUpdated).Concat(TasksClosed);
}

/// <summary>The result of a transition: the next state and its effects.</summary>
public sealed record LoopOutcome(UnitLoopState State, LoopEffects Effects);
