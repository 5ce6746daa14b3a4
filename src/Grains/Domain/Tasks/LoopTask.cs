using System.Text.Json.Serialization;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.Tasks;

/// <summary>
/// A task the loop raised. Its id is derived from unit, kind, occurrence and assignee, so a
/// redelivered reminder finds the task already there instead of raising it twice.
/// </summary>
public sealed record LoopTask(
    string Id,
    TaskKind Kind,
    UnitId Unit,
    string Occurrence,
    AssigneeRole Assignee,
    ChiefId Chief,
    DateOnly Due,
    TaskState State,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ClosedAt = null,
    string? ClosedBy = null)
{
    [JsonIgnore]
    public bool IsOpen => State != TaskState.Done;

    /// <summary>The id without the unit: unique within the unit, used in reminder names.</summary>
    [JsonIgnore]
    public string LocalKey => LocalKeyOf(Kind, Occurrence, Assignee);

    public static string LocalKeyOf(TaskKind kind, string occurrence, AssigneeRole assignee) => $"{kind}/{occurrence}/{assignee}";

    public static string IdOf(UnitId unit, TaskKind kind, string occurrence, AssigneeRole assignee) =>
        $"{unit}/{LocalKeyOf(kind, occurrence, assignee)}";
}
