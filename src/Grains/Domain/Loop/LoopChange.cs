using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Documents;
using OrleansTilsyn.Grains.Domain.Tasks;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>
/// Accumulates one transition: the state as it changes and the effects it causes. Local to a pure
/// function (never stored). When done, it moves the unit's one overdue check to the earliest due day of
/// its open tasks (see <see cref="ReminderNames.TasksOverdue"/>).
/// </summary>
internal sealed class LoopChange(UnitLoopState state, DateTimeOffset now)
{
    private readonly DateTimeOffset? _overdueCheckBefore = NextOverdueCheck(state);
    private readonly List<LoopTask> _raised = [];
    private readonly List<LoopTask> _updated = [];
    private readonly List<LoopTask> _closed = [];
    private readonly List<AgendaChange> _agenda = [];
    private readonly List<LoopDocument> _documents = [];

    public UnitLoopState State { get; set; } = state;

    public DateTimeOffset Now { get; } = now;

    public DateOnly Today => DomainDates.DayOf(Now);

    public void Raise(TaskKind kind, string occurrence, AssigneeRole assignee, DateOnly due)
    {
        var unit = State.Unit;
        var overdue = DomainDates.IsOverdue(due, Now);
        var task = new LoopTask(LoopTask.IdOf(unit.Id, kind, occurrence, assignee), kind, unit.Id, occurrence, assignee,
            unit.Chief, due, overdue ? TaskState.Overdue : TaskState.Open, Now);
        var (book, raised) = State.Tasks.Raise(task);
        if (raised is null) return;
        State = State with { Tasks = book };
        _raised.Add(raised);
    }

    public void Close(TaskKind kind, string occurrence, AssigneeRole assignee, string by)
    {
        var (book, closed) = State.Tasks.Close(LoopTask.IdOf(State.Unit.Id, kind, occurrence, assignee), by, Now);
        if (closed is null) return;
        State = State with { Tasks = book };
        _closed.Add(closed);
    }

    /// <summary>Closes the task of this kind and occurrence for every assignee.</summary>
    public void CloseAll(TaskKind kind, string occurrence, string by)
    {
        foreach (var role in Enum.GetValues<AssigneeRole>()) Close(kind, occurrence, role, by);
    }

    /// <summary>Moves an open task to another due day (overdue again or not by the new day); a done or missing task is left alone.</summary>
    public void Move(TaskKind kind, string occurrence, AssigneeRole assignee, DateOnly due)
    {
        var state = DomainDates.IsOverdue(due, Now) ? TaskState.Overdue : TaskState.Open;
        var (book, moved) = State.Tasks.Replace(LoopTask.IdOf(State.Unit.Id, kind, occurrence, assignee),
            t => t.IsOpen && (t.Due != due || t.State != state) ? t with { Due = due, State = state } : null);
        if (moved is null) return;
        State = State with { Tasks = book };
        _updated.Add(moved);
    }

    public void MarkOverdue(string taskId)
    {
        var (book, changed) = State.Tasks.MarkOverdue(taskId);
        if (changed is null) return;
        State = State with { Tasks = book };
        _updated.Add(changed);
    }

    public void Updated(LoopTask task) => _updated.Add(task);

    public void Schedule(string name, DateTimeOffset dueAt) => _agenda.Add(new AgendaChange.Schedule(name, dueAt));

    public void Cancel(string name) => _agenda.Add(new AgendaChange.Cancel(name));

    public void Write(LoopDocument document) => _documents.Add(document);

    /// <summary>The outcome; done tasks closed longer ago than <see cref="TaskBook.KeepDoneDays"/> leave the book.</summary>
    public LoopOutcome Done()
    {
        var next = NextOverdueCheck(State);
        if (next != _overdueCheckBefore)
        {
            if (next is { } at) Schedule(ReminderNames.TasksOverdue, at);
            else Cancel(ReminderNames.TasksOverdue);
        }

        return new(State with { Tasks = State.Tasks.Prune(Now) }, new LoopEffects([.. _raised], [.. _updated], [.. _closed], [.. _agenda], [.. _documents]));
    }

    /// <summary>When the earliest open (not yet overdue) task becomes overdue; null when there is none.</summary>
    public static DateTimeOffset? NextOverdueCheck(UnitLoopState s)
    {
        DateOnly? earliest = null;
        foreach (var t in s.Tasks.Items)
            if (t.State == TaskState.Open && (earliest is null || t.Due < earliest)) earliest = t.Due;
        return earliest is { } day ? DomainDates.EndOf(day) : null;
    }
}
