using System.Collections.Frozen;

namespace OrleansTilsyn.Gateway.Security;

/// <summary>
/// The action every tilsyn.v1 method performs. The gateway refuses to start when a declared method
/// is missing here, so no method goes unchecked. The table gates by role before the handler runs;
/// handlers then check the unit in the request with <see cref="AccessPolicy"/>.
/// </summary>
public static class ApiMethodAccess
{
    public static FrozenDictionary<string, ApiAction> Actions { get; } = new Dictionary<string, ApiAction>
    {
        ["tilsyn.v1.Units/GetUnit"] = ApiAction.ReadUnit,
        ["tilsyn.v1.Units/ListUnits"] = ApiAction.ListUnits,
        ["tilsyn.v1.Units/ImportUnits"] = ApiAction.ImportUnits,

        ["tilsyn.v1.Loops/GetLoop"] = ApiAction.ReadLoopStatus,
        ["tilsyn.v1.Loops/GetLoopTimeline"] = ApiAction.ReadLoopStatus,
        ["tilsyn.v1.Loops/GetConversation"] = ApiAction.ReadMeetingContent,
        ["tilsyn.v1.Loops/ScheduleConversation"] = ApiAction.ConductConversation,
        ["tilsyn.v1.Loops/HoldConversation"] = ApiAction.ConductConversation,
        ["tilsyn.v1.Loops/SubmitConversationRecord"] = ApiAction.ConductConversation,
        ["tilsyn.v1.Loops/CorrectConversationRecord"] = ApiAction.ConductConversation,
        ["tilsyn.v1.Loops/AddBoardStatement"] = ApiAction.AddBoardStatement,
        ["tilsyn.v1.Loops/ListBoardStatements"] = ApiAction.ReadBoardStatements,
        ["tilsyn.v1.Loops/GetConversationAgenda"] = ApiAction.ReadMeetingContent,
        ["tilsyn.v1.Loops/ChooseFocusAreas"] = ApiAction.ChooseFocusAreas,
        ["tilsyn.v1.Loops/ListAgreements"] = ApiAction.ReadMeetingContent,
        ["tilsyn.v1.Loops/CloseAgreement"] = ApiAction.CloseAgreement,
        ["tilsyn.v1.Loops/GetOneToOne"] = ApiAction.ManageOneToOnes,
        ["tilsyn.v1.Loops/ScheduleOneToOne"] = ApiAction.ManageOneToOnes,
        ["tilsyn.v1.Loops/HoldOneToOne"] = ApiAction.ManageOneToOnes,
        ["tilsyn.v1.Loops/RecordOneToOne"] = ApiAction.ManageOneToOnes,
        ["tilsyn.v1.Loops/GetOneToOneAgenda"] = ApiAction.ManageOneToOnes,
        ["tilsyn.v1.Loops/GetBoardReport"] = ApiAction.ReadBoardReport,
        ["tilsyn.v1.Loops/SubmitBoardReport"] = ApiAction.SubmitBoardReport,
        ["tilsyn.v1.Loops/ReviewBoardReport"] = ApiAction.ReviewBoardReport,
        ["tilsyn.v1.Loops/RecordBoardFollowUpMeeting"] = ApiAction.ReviewBoardReport,
        ["tilsyn.v1.Loops/SubmitOpsamling"] = ApiAction.SubmitOpsamling,

        ["tilsyn.v1.DataPackages/ImportDataPackageRelease"] = ApiAction.ImportDataPackage,
        ["tilsyn.v1.DataPackages/GetUnitDataPackage"] = ApiAction.ReadDataPackage,
        ["tilsyn.v1.DataPackages/ListUnitDataPackages"] = ApiAction.ReadDataPackage,

        ["tilsyn.v1.Inbox/ListTasks"] = ApiAction.ReadTasks,
        ["tilsyn.v1.Inbox/CompleteTask"] = ApiAction.CompleteTask,
        ["tilsyn.v1.Inbox/WatchInbox"] = ApiAction.ReadTasks,

        ["tilsyn.v1.Areas/GetThemes"] = ApiAction.ReadThemes,
        ["tilsyn.v1.Areas/SetThemes"] = ApiAction.SetThemes,
        ["tilsyn.v1.Areas/GetFocusAreaOverview"] = ApiAction.ReadAreaReports,
        ["tilsyn.v1.Areas/GetOpsamlingOverview"] = ApiAction.ReadAreaReports,

        ["tilsyn.v1.Administration/GetWheelConfig"] = ApiAction.ReadWheelConfiguration,
        ["tilsyn.v1.Administration/AddWheelVersion"] = ApiAction.ChangeWheelConfiguration,

        ["tilsyn.v1.Operations/GetLoopHealthSummary"] = ApiAction.ReadHealth,
        ["tilsyn.v1.Operations/ListUnitLoopHealth"] = ApiAction.ReadHealth,

        ["tilsyn.v1.Reports/GetTemplate"] = ApiAction.ReadReportTemplates,
        ["tilsyn.v1.Reports/ListTemplates"] = ApiAction.ReadReportTemplates,
        ["tilsyn.v1.Reports/PublishTemplate"] = ApiAction.PublishReportTemplate,
        ["tilsyn.v1.Reports/StartReport"] = ApiAction.WriteReport,
        ["tilsyn.v1.Reports/SaveDraft"] = ApiAction.WriteReport,
        ["tilsyn.v1.Reports/SubmitReport"] = ApiAction.WriteReport,
        ["tilsyn.v1.Reports/CorrectReport"] = ApiAction.WriteReport,
        ["tilsyn.v1.Reports/GetReport"] = ApiAction.ReadReport,
        ["tilsyn.v1.Reports/GetReceipt"] = ApiAction.ReadReport,
        ["tilsyn.v1.Reports/RenderPrintable"] = ApiAction.ReadReport,
        ["tilsyn.v1.Reports/ReviewReport"] = ApiAction.ReviewBoardReport,
        ["tilsyn.v1.Reports/ScheduleFollowUpMeeting"] = ApiAction.ReviewBoardReport,
        ["tilsyn.v1.Reports/RecordFollowUpMeeting"] = ApiAction.ReviewBoardReport,
        ["tilsyn.v1.Reports/CloseCase"] = ApiAction.ReviewBoardReport,
        ["tilsyn.v1.Reports/GetCase"] = ApiAction.ReadBoardReport,
        ["tilsyn.v1.Reports/GetReportStatus"] = ApiAction.ReadReportStatus,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The action of <c>{service}/{method}</c>, e.g. <c>tilsyn.v1.Loops/HoldConversation</c>.</summary>
    public static bool TryGetAction(string serviceName, string methodName, out ApiAction action) =>
        Actions.TryGetValue($"{serviceName}/{methodName}", out action);
}
