using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Grpc;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api.Mapping;

/// <summary>
/// Tasks in tilsyn.v1. A task's id in the domain is <c>{unit}/{kind}/{occurrence}/{assignee}</c>, and
/// occurrences may hold a '/' (loops: <c>0-6/2025</c>); in resource names the part after the unit is one
/// segment with '/' written as '~': <c>units/x/tasks/ScheduleConversation~2025-Autumn~Chief</c>.
/// </summary>
public static class TaskMapping
{
    public static string TaskSegment(Model.TaskDto task) =>
        (task.Id.StartsWith(task.Unit + "/", StringComparison.Ordinal) ? task.Id[(task.Unit.Length + 1)..] : task.Id).Replace('/', '~');

    /// <summary>The domain task id of a task resource name's segments.</summary>
    public static string TaskId(string unit, string segment) =>
        segment.Contains('/', StringComparison.Ordinal) ? throw GrpcErrors.InvalidArgument("Bad task name.", ("name", "is not a task of the unit"))
            : $"{unit}/{segment.Replace('~', '/')}";

    public static LoopTask ToApi(this Model.TaskDto t, string unitDisplayName) => new()
    {
        Name = ResourceNames.Task.Format(t.Unit, TaskSegment(t)),
        Unit = ResourceNames.Unit.Format(t.Unit),
        UnitDisplayName = unitDisplayName,
        Kind = ApiEnums.ToApi<Model.TaskKind, TaskKind>(t.Kind),
        Occurrence = t.Occurrence,
        Resource = ResourceOf(t),
        Assignee = ApiEnums.ToApi<Model.AssigneeRole, AssigneeRole>(t.Assignee),
        Chief = ResourceNames.Chief.Format(t.Chief),
        Due = t.Due.ToApi(),
        State = ApiEnums.ToApi<Model.TaskState, TaskState>(t.State),
        RaisedAt = t.RaisedAt.ToApi(),
        Closed = t.State == Model.TaskState.Done ? CommonMapping.Attribution(t.ClosedBy, t.ClosedAt) : null,
    };

    /// <summary>What a task is about, as a resource name (empty when it is about nothing addressable).</summary>
    public static string ResourceOf(Model.TaskDto t) => t.Kind switch
    {
        Model.TaskKind.PrepareConversation or Model.TaskKind.ScheduleConversation or Model.TaskKind.HoldConversation or Model.TaskKind.WriteMinutes
            => ResourceNames.Conversation.Format(t.Unit, t.Occurrence),
        Model.TaskKind.HoldOneToOne => ResourceNames.OneToOne.Format(t.Unit, t.Occurrence),
        Model.TaskKind.SubmitBoardReport or Model.TaskKind.ReviewBoardReport or Model.TaskKind.ScheduleBoardFollowUpMeeting
            or Model.TaskKind.HoldBoardFollowUpMeeting or Model.TaskKind.CloseSupervisionCase
            => ResourceNames.BoardReport.Format(t.Unit, t.Occurrence),
        Model.TaskKind.ChooseFocusAreas or Model.TaskKind.CompileFocusAreaOverview or Model.TaskKind.Opsamling => ResourceNames.Loop.Format(t.Unit),
        _ => "",
    };

    /// <summary>The method whose action closes a task of this kind, for FAILED_PRECONDITION on CompleteTask.</summary>
    public static string ClosingAction(Model.TaskKind kind) => kind switch
    {
        Model.TaskKind.PrepareConversation => "it closes when the conversation is held (Loops.HoldConversation)",
        Model.TaskKind.ScheduleConversation => "it closes when the conversation is scheduled (Loops.ScheduleConversation)",
        Model.TaskKind.HoldConversation => "it closes when the conversation is held (Loops.HoldConversation)",
        Model.TaskKind.WriteMinutes => "it closes when the minutes are submitted (Loops.SubmitConversationRecord)",
        Model.TaskKind.ChooseFocusAreas => "it closes when the focus areas are chosen (Loops.ChooseFocusAreas)",
        Model.TaskKind.HoldOneToOne => "it closes when the 1:1 is held (Loops.HoldOneToOne)",
        Model.TaskKind.SubmitBoardReport => "it closes when the board submits its report (Reports.SubmitReport or Loops.SubmitBoardReport)",
        Model.TaskKind.ReviewBoardReport => "it closes when the chief reviews the report (Reports.ReviewReport or Loops.ReviewBoardReport)",
        Model.TaskKind.ScheduleBoardFollowUpMeeting => "it closes when the follow-up meeting is scheduled (Reports.ScheduleFollowUpMeeting)",
        Model.TaskKind.HoldBoardFollowUpMeeting => "it closes when the follow-up meeting is recorded (Reports.RecordFollowUpMeeting or Loops.RecordBoardFollowUpMeeting)",
        Model.TaskKind.CloseSupervisionCase => "it closes when the supervision case is closed (Reports.CloseCase)",
        Model.TaskKind.Opsamling => "it closes when the loop is summed up (Loops.SubmitOpsamling)",
        _ => "it closes by its own action",
    };
}
