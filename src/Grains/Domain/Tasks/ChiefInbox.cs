using System.Text.Json.Serialization;
using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.Tasks;

/// <summary>
/// State of a chief's inbox: the latest copy of every task of the portfolio's units, upserted by id
/// from the units' effects (so a repeated delivery changes nothing). Done tasks are dropped after
/// <see cref="KeepDoneDays"/> days to keep the state bounded.
/// </summary>
public sealed record ChiefInbox
{
    public const int KeepDoneDays = TaskBook.KeepDoneDays;

    public ImmutableArray<LoopTask> Tasks { get; init; } = [];

    public ChiefInbox Apply(IEnumerable<LoopTask> changed, ChiefId chief, DateTimeOffset now)
    {
        var byId = Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        foreach (var task in changed)
        {
            if (task.Chief != chief) byId.Remove(task.Id);
            else byId[task.Id] = task;
        }
        var cutoff = now.AddDays(-KeepDoneDays);
        return this with { Tasks = [.. byId.Values.Where(t => t.IsOpen || t.ClosedAt >= cutoff).OrderBy(t => t.Due).ThenBy(t => t.Id, StringComparer.Ordinal)] };
    }

    /// <summary>Open tasks for the chief (assigned to the chief role), overdue first.</summary>
    [JsonIgnore]
    public IEnumerable<LoopTask> MyOpenTasks => Tasks.Where(t => t.IsOpen && t.Assignee == AssigneeRole.Chief)
        .OrderByDescending(t => t.State == TaskState.Overdue).ThenBy(t => t.Due);

    /// <summary>Open tasks of any assignee that are past due, for the chief's overview of the portfolio.</summary>
    public IEnumerable<LoopTask> OverdueInPortfolio(DateTimeOffset now) =>
        Tasks.Where(t => t.IsOpen && (t.State == TaskState.Overdue || DomainDates.IsOverdue(t.Due, now)));
}
