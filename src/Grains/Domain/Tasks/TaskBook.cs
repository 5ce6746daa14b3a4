using System.Text.Json.Serialization;
using System.Collections.Immutable;

namespace OrleansTilsyn.Grains.Domain.Tasks;

/// <summary>A unit's tasks. Raising is idempotent by id; closing and overdue are state changes.</summary>
public sealed record TaskBook(ImmutableArray<LoopTask> Items)
{
    /// <summary>Done tasks stay this long (for inboxes and timelines); the audit trail keeps them for good.</summary>
    public const int KeepDoneDays = 90;

    public static TaskBook Empty { get; } = new([]);

    /// <summary>Drops done tasks closed more than <see cref="KeepDoneDays"/> days before <paramref name="now"/>, keeping the state bounded.</summary>
    public TaskBook Prune(DateTimeOffset now)
    {
        var cutoff = now.AddDays(-KeepDoneDays);
        return Items.Any(t => !t.IsOpen && t.ClosedAt < cutoff) ? this with { Items = Items.RemoveAll(t => !t.IsOpen && t.ClosedAt < cutoff) } : this;
    }

    public LoopTask? Find(string id) => Items.FirstOrDefault(t => t.Id == id);

    public LoopTask? FindByLocalKey(string localKey) => Items.FirstOrDefault(t => t.LocalKey == localKey);

    [JsonIgnore]
    public IEnumerable<LoopTask> Open => Items.Where(t => t.IsOpen);

    /// <summary>Adds the task unless a task with its id exists (then returns null as the raised task).</summary>
    public (TaskBook Book, LoopTask? Raised) Raise(LoopTask task) =>
        Find(task.Id) is null ? (this with { Items = Items.Add(task) }, task) : (this, null);

    public (TaskBook Book, LoopTask? Changed) Close(string id, string by, DateTimeOffset now) =>
        Replace(id, t => t.IsOpen ? t with { State = TaskState.Done, ClosedAt = now, ClosedBy = by } : null);

    public (TaskBook Book, LoopTask? Changed) MarkOverdue(string id) =>
        Replace(id, t => t.State == TaskState.Open ? t with { State = TaskState.Overdue } : null);

    public (TaskBook Book, LoopTask? Changed) Replace(string id, Func<LoopTask, LoopTask?> change)
    {
        for (var i = 0; i < Items.Length; i++)
        {
            if (Items[i].Id != id) continue;
            var changed = change(Items[i]);
            return changed is null ? (this, null) : (this with { Items = Items.SetItem(i, changed) }, changed);
        }
        return (this, null);
    }
}
