using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Grains.Domain.Tasks;

namespace OrleansTilsyn.Grains.Mapping;

public static class TaskMapping
{
    public static TaskDto ToDto(this LoopTask t) =>
        new(t.Id, t.Kind, t.Unit.Value, t.Occurrence, t.Assignee, t.Chief.Value, t.Due, t.State, t.RaisedAt, t.ClosedAt, t.ClosedBy);

    /// <summary>Overdue first, then by due date and id: how inboxes list tasks.</summary>
    public static IOrderedEnumerable<TaskDto> InInboxOrder(this IEnumerable<TaskDto> tasks) =>
        tasks.OrderByDescending(t => t.State == TaskState.Overdue).ThenBy(t => t.Due).ThenBy(t => t.Id, StringComparer.Ordinal);
}
