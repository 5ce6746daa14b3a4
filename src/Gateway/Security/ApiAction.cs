namespace OrleansTilsyn.Gateway.Security;

/// <summary>
/// What a call does, in the terms access is decided in. Each tilsyn.v1 method maps to one action
/// (<see cref="ApiMethodAccess"/>); <see cref="AccessPolicy"/> says who may do it on which unit.
/// </summary>
public enum ApiAction
{
    /// <summary>Read a unit's organisation data.</summary>
    ReadUnit,

    /// <summary>List units (each caller sees the units in scope).</summary>
    ListUnits,

    ImportUnits,

    /// <summary>The loop's calendar, statuses, themes, focus areas and counts: no meeting content.</summary>
    ReadLoopStatus,

    /// <summary>Minutes, agendas and agreements of conversations.</summary>
    ReadMeetingContent,

    /// <summary>Schedule, hold, write up and correct conversations.</summary>
    ConductConversation,

    AddBoardStatement,

    ReadBoardStatements,

    ChooseFocusAreas,

    CloseAgreement,

    /// <summary>Read, schedule, hold and record 1:1s between chief and leader.</summary>
    ManageOneToOnes,

    ReadBoardReport,

    SubmitBoardReport,

    /// <summary>Review a board report and hold the follow-up meeting.</summary>
    ReviewBoardReport,

    SubmitOpsamling,

    ReadDataPackage,

    ImportDataPackage,

    /// <summary>Tasks of a unit, or a chief's inbox.</summary>
    ReadTasks,

    CompleteTask,

    ReadThemes,

    SetThemes,

    /// <summary>Cross-unit overviews: focus areas, opsamling.</summary>
    ReadAreaReports,

    ReadWheelConfiguration,

    ChangeWheelConfiguration,

    /// <summary>Loop health counts, never content.</summary>
    ReadHealth,

    /// <summary>Read the administration's report templates (cross-unit).</summary>
    ReadReportTemplates,

    PublishReportTemplate,

    /// <summary>Draft, submit and correct a board's written report (the unit's board only).</summary>
    WriteReport,

    /// <summary>Read a written report (the report grain narrows it: a draft is the board's own).</summary>
    ReadReport,

    /// <summary>A report's progress without content (operations too; the report grain checks the unit).</summary>
    ReadReportStatus,
}
