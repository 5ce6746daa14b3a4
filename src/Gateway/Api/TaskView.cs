using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Api.Mapping;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>A <see cref="TaskFilter"/> read from a request: which tasks a list or a watch shows. Empty fields do
/// not filter, except states, which default to OPEN and OVERDUE.</summary>
public sealed class TaskView
{
    private readonly HashSet<Model.TaskState> _states;
    private readonly HashSet<Model.TaskKind> _kinds;
    private readonly HashSet<Model.AssigneeRole> _assignees;
    private readonly string? _unit;
    private readonly DateOnly? _dueOnOrBefore;

    private TaskView(HashSet<Model.TaskState> states, HashSet<Model.TaskKind> kinds, HashSet<Model.AssigneeRole> assignees, string? unit, DateOnly? due)
    {
        (_states, _kinds, _assignees, _unit, _dueOnOrBefore) = (states, kinds, assignees, unit, due);
    }

    public bool IncludesDone => _states.Contains(Model.TaskState.Done);

    /// <summary>The unit id the filter names, if any.</summary>
    public string? Unit => _unit;

    /// <summary>What the filter says, for page-token fingerprints.</summary>
    public string Fingerprint =>
        $"{string.Join(',', _states.Order())}|{string.Join(',', _kinds.Order())}|{string.Join(',', _assignees.Order())}|{_unit}|{_dueOnOrBefore}";

    public static TaskView From(TaskFilter? filter, string field)
    {
        filter ??= new TaskFilter();
        var v = new RequestViolations();
        var states = filter.States.Select((s, i) => v.Enum<TaskState, Model.TaskState>(s, $"{field}.states[{i}]")).ToHashSet();
        var kinds = filter.Kinds.Select((k, i) => v.Enum<TaskKind, Model.TaskKind>(k, $"{field}.kinds[{i}]")).ToHashSet();
        var assignees = filter.Assignees.Select((a, i) => v.Enum<AssigneeRole, Model.AssigneeRole>(a, $"{field}.assignees[{i}]")).ToHashSet();
        string? unit = null;
        if (filter.Unit.Length > 0)
        {
            if (ResourceNames.Unit.TryParse(filter.Unit, out var parts)) unit = parts["unit"];
            else v.Add($"{field}.unit", $"must look like {ResourceNames.Unit.Pattern}");
        }

        DateOnly? due = filter.DueOnOrBefore is null ? null : v.Date(filter.DueOnOrBefore, $"{field}.due_on_or_before");
        v.ThrowIfAny($"The {field} is not valid.");
        if (states.Count == 0) states = [Model.TaskState.Open, Model.TaskState.Overdue];
        return new TaskView(states, kinds, assignees, unit, due);
    }

    /// <summary>Matches every field but the state.</summary>
    public bool MatchesIgnoringState(Model.TaskDto t) =>
        (_kinds.Count == 0 || _kinds.Contains(t.Kind))
        && (_assignees.Count == 0 || _assignees.Contains(t.Assignee))
        && (_unit is null || t.Unit == _unit)
        && (_dueOnOrBefore is null || t.Due <= _dueOnOrBefore);

    public bool Matches(Model.TaskDto t) => _states.Contains(t.State) && MatchesIgnoringState(t);
}
