using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Grains.Domain.Loop;

namespace OrleansTilsyn.Gateway.Security;

/// <summary>
/// Who may do what (SPEC "Roles and what they may do"). A chief acts on the units of the own
/// portfolio, a leader on the own unit(s), a board member on the own unit's status, data packages
/// and statements, and a self-owned daycare's board also on its conversations and supervision
/// report. The administration has releases, templates, configuration and cross-unit reports;
/// operations health only, never meeting content. Out-of-scope units are PERMISSION_DENIED whether
/// they exist or not; only a caller who could see a unit learns that it does not exist.
/// </summary>
public sealed class AccessPolicy(IPortfolioLookup units)
{
    /// <summary>True when the action is about one unit (its id comes from the request).</summary>
    public static bool IsUnitScoped(ApiAction action) => action is not (
        ApiAction.ListUnits or ApiAction.ImportUnits or ApiAction.ImportDataPackage or ApiAction.ReadThemes or ApiAction.SetThemes
        or ApiAction.ReadAreaReports or ApiAction.ReadWheelConfiguration or ApiAction.ChangeWheelConfiguration or ApiAction.ReadHealth
        or ApiAction.ReadReportTemplates or ApiAction.PublishReportTemplate or ApiAction.ReadReportStatus);

    /// <summary>Whether a caller in this role may do the action on any unit at all: the gate every
    /// method passes before its handler runs.</summary>
    public static bool MayEver(CallerRole role, ApiAction action) =>
        Permits(action, RelationOf(role), selfOwned: false) || Permits(action, RelationOf(role), selfOwned: true);

    /// <summary>The method-level decision (no unit known yet).</summary>
    public static AccessDecision CheckRole(Caller caller, ApiAction action) =>
        MayEver(caller.Role, action) ? AccessDecision.Allowed : AccessDecision.Denied(RoleDenied(caller, action, unitId: null));

    /// <summary>A cross-unit action (not about one unit).</summary>
    public static AccessDecision CheckGlobal(Caller caller, ApiAction action)
    {
        if (IsUnitScoped(action)) throw new ArgumentException($"{action} is about one unit: use CheckUnitAsync.", nameof(action));
        return CheckRole(caller, action);
    }

    /// <summary>An action on one unit, looking the unit up.</summary>
    public async ValueTask<AccessDecision> CheckUnitAsync(Caller caller, ApiAction action, string unitId, CancellationToken cancellationToken)
    {
        var role = CheckRole(caller, action);
        if (!role.IsAllowed) return role;
        var unit = await units.FindUnitAsync(unitId, cancellationToken);
        return CheckUnit(caller, action, unitId, unit);
    }

    /// <summary>An action on one unit whose facts are known (null: no such unit).</summary>
    public static AccessDecision CheckUnit(Caller caller, ApiAction action, string unitId, UnitAccessFacts? unit)
    {
        if (!IsUnitScoped(action)) return CheckGlobal(caller, action);
        var role = CheckRole(caller, action);
        if (!role.IsAllowed) return role;
        if (unit is null)
        {
            return caller.Role == CallerRole.Administration
                ? AccessDecision.NotFound($"Unit {unitId} does not exist.")
                : AccessDecision.Denied(OutOfScope(caller, unitId));
        }

        var relation = RelationTo(caller, unit);
        if (relation == UnitRelation.None) return AccessDecision.Denied(OutOfScope(caller, unitId));
        return Permits(action, relation, unit.SelfOwned)
            ? AccessDecision.Allowed
            : AccessDecision.Denied(RoleDenied(caller, action, unitId) + SelfOwnedHint(action, relation, unit.SelfOwned));
    }

    /// <summary>Completing a task: the unit must be in scope and the caller must hold the assignee's role.</summary>
    public static AccessDecision CheckTaskCompletion(Caller caller, UnitAccessFacts? unit, string unitId, AssigneeRole assignee)
    {
        var access = CheckUnit(caller, ApiAction.CompleteTask, unitId, unit);
        if (!access.IsAllowed) return access;
        var holder = assignee switch
        {
            AssigneeRole.Chief => CallerRole.Chief,
            AssigneeRole.Leader => CallerRole.Leader,
            AssigneeRole.Board => CallerRole.Board,
            AssigneeRole.Administration => CallerRole.Administration,
            _ => (CallerRole?)null,
        };
        return holder == caller.Role
            ? AccessDecision.Allowed
            : AccessDecision.Denied($"{Capitalised(caller.Describe())} may not complete this task: it is assigned to the {AssigneeName(assignee)}.");
    }

    /// <summary>A chief's inbox (<c>chiefs/{chief}</c>) is the chief's own.</summary>
    public static AccessDecision CheckChiefInbox(Caller caller, string chiefId) =>
        caller.Role == CallerRole.Chief && caller.RoleId == chiefId
            ? AccessDecision.Allowed
            : AccessDecision.Denied($"Only chief {chiefId} may read the inbox of chief {chiefId}; {caller.Describe()} may not.");

    /// <summary>Which units a caller may list.</summary>
    public static UnitScope ScopeOf(Caller caller) => caller.Role switch
    {
        CallerRole.Administration => UnitScope.All,
        CallerRole.Chief => UnitScope.Portfolio(caller.RoleId),
        CallerRole.Leader or CallerRole.Board => UnitScope.Units(caller.UnitIds),
        _ => UnitScope.None,
    };

    /// <summary>Whether a caller standing so to a unit (of this kind) may do the action: the domain's
    /// permission table decides.</summary>
    public static bool Permits(ApiAction action, UnitRelation relation, bool selfOwned) =>
        UnitPermissions.Permits(PartiesOf(action), relation, selfOwned);

    /// <summary>The entry of the domain's permission table an action stands for: the grain command or
    /// read scope its methods reach, or the cross-unit right.</summary>
    public static Party PartiesOf(ApiAction action) => action switch
    {
        ApiAction.ReadUnit or ApiAction.ReadLoopStatus or ApiAction.ReadDataPackage or ApiAction.ReadTasks or ApiAction.CompleteTask =>
            UnitPermissions.ReadersOf(ReadScope.Status),
        ApiAction.ReadMeetingContent => UnitPermissions.ReadersOf(ReadScope.Meetings),
        ApiAction.CloseAgreement => UnitPermissions.CloseAgreement,
        ApiAction.ConductConversation => UnitPermissions.ConductConversation,
        ApiAction.ChooseFocusAreas => UnitPermissions.ChooseFocusAreas,
        ApiAction.SubmitOpsamling => UnitPermissions.SubmitOpsamling,
        ApiAction.AddBoardStatement => UnitPermissions.AddBoardStatement,
        ApiAction.ReadBoardStatements => UnitPermissions.ReadersOf(ReadScope.Statements),
        ApiAction.ManageOneToOnes => UnitPermissions.ManageOneToOnes,
        ApiAction.ReadBoardReport => UnitPermissions.ReadersOf(ReadScope.Reports),
        ApiAction.SubmitBoardReport => UnitPermissions.SubmitBoardReport,
        ApiAction.ReviewBoardReport => UnitPermissions.ReviewBoardReport,
        ApiAction.WriteReport => UnitPermissions.WriteReport,
        ApiAction.ReadReport => UnitPermissions.AnyReportReaders,
        ApiAction.ListUnits or ApiAction.ReadThemes or ApiAction.ReadReportTemplates => UnitPermissions.ReadersOf(ReadScope.Status),
        ApiAction.ReadWheelConfiguration => UnitPermissions.ReadWheelConfiguration,
        ApiAction.ImportUnits or ApiAction.ImportDataPackage or ApiAction.SetThemes or ApiAction.ChangeWheelConfiguration
            or ApiAction.PublishReportTemplate => UnitPermissions.Administer,
        ApiAction.ReadAreaReports => UnitPermissions.CrossUnitReports,
        ApiAction.ReadHealth => UnitPermissions.HealthOverview,
        ApiAction.ReadReportStatus => UnitPermissions.ReadersOf(ReadScope.Health),
        _ => Party.None,
    };

    private static UnitRelation RelationOf(CallerRole role) => role switch
    {
        CallerRole.Chief => UnitRelation.Chief,
        CallerRole.Leader => UnitRelation.Leader,
        CallerRole.Board => UnitRelation.Board,
        CallerRole.Administration => UnitRelation.Administration,
        _ => UnitRelation.Operations,
    };

    private static UnitRelation RelationTo(Caller caller, UnitAccessFacts unit) => caller.Role switch
    {
        CallerRole.Chief => caller.RoleId == unit.ChiefId ? UnitRelation.Chief : UnitRelation.None,
        CallerRole.Leader => caller.HasUnit(unit.UnitId) ? UnitRelation.Leader : UnitRelation.None,
        CallerRole.Board => caller.HasUnit(unit.UnitId) ? UnitRelation.Board : UnitRelation.None,
        CallerRole.Administration => UnitRelation.Administration,
        _ => UnitRelation.None,
    };

    private static string OutOfScope(Caller caller, string unitId) => caller.Role switch
    {
        CallerRole.Chief => $"Unit {unitId} is not in the portfolio of chief {caller.RoleId}.",
        CallerRole.Leader => $"Unit {unitId} is not a unit of leader {caller.RoleId}.",
        CallerRole.Board => $"Unit {unitId} is not the unit of this board member ({caller.RoleId}).",
        _ => $"{Capitalised(caller.Describe())} may not act on unit {unitId}.",
    };

    private static string RoleDenied(Caller caller, ApiAction action, string? unitId)
    {
        var message = $"{Capitalised(caller.Describe())} may not {Phrase(action, unitId is null ? "" : $" of unit {unitId}")}.";
        return caller.Role == CallerRole.Operations ? message + " Operations sees loop health and metrics only, never meeting content." : message;
    }

    private static string SelfOwnedHint(ApiAction action, UnitRelation relation, bool selfOwned)
    {
        var conversationAction = action is ApiAction.ConductConversation or ApiAction.ChooseFocusAreas or ApiAction.SubmitOpsamling;
        if (conversationAction && relation == UnitRelation.Chief && selfOwned)
            return " The board of a self-owned daycare holds its conversations.";
        if (relation == UnitRelation.Board && !selfOwned && action is not ApiAction.ManageOneToOnes and not ApiAction.ReviewBoardReport)
            return " Only the board of a self-owned daycare holds conversations and reports its supervision.";
        return "";
    }

    private static string Phrase(ApiAction action, string ofUnit) => action switch
    {
        ApiAction.ReadUnit => $"read the unit{ofUnit}",
        ApiAction.ListUnits => "list units",
        ApiAction.ImportUnits => "import units",
        ApiAction.ReadLoopStatus => $"read the loop{ofUnit}",
        ApiAction.ReadMeetingContent => $"read the meeting content (minutes, agendas, agreements){ofUnit}",
        ApiAction.ConductConversation => $"schedule, hold or write up the conversations{ofUnit}",
        ApiAction.AddBoardStatement => $"add the board's statement{ofUnit}",
        ApiAction.ReadBoardStatements => $"read the board's statements{ofUnit}",
        ApiAction.ChooseFocusAreas => $"choose the focus areas{ofUnit}",
        ApiAction.CloseAgreement => $"close agreements{ofUnit}",
        ApiAction.ManageOneToOnes => $"take part in the 1:1 follow-ups{ofUnit}",
        ApiAction.ReadBoardReport => $"read the board's supervision report{ofUnit}",
        ApiAction.SubmitBoardReport => $"submit the board's supervision report{ofUnit}",
        ApiAction.ReviewBoardReport => $"review the board's supervision report{ofUnit}",
        ApiAction.SubmitOpsamling => $"sum up the loop{ofUnit}",
        ApiAction.ReadDataPackage => $"read the data packages{ofUnit}",
        ApiAction.ImportDataPackage => "import data-package releases",
        ApiAction.ReadTasks => $"read the tasks{ofUnit}",
        ApiAction.CompleteTask => $"complete tasks{ofUnit}",
        ApiAction.ReadThemes => "read the political themes",
        ApiAction.SetThemes => "set the political themes",
        ApiAction.ReadAreaReports => "read cross-unit overviews",
        ApiAction.ReadWheelConfiguration => "read the wheel configuration",
        ApiAction.ChangeWheelConfiguration => "change the wheel configuration",
        ApiAction.ReadHealth => "read loop health",
        ApiAction.ReadReportTemplates => "read the report templates",
        ApiAction.PublishReportTemplate => "publish report templates",
        ApiAction.WriteReport => $"draft or submit the board's written reports{ofUnit}",
        ApiAction.ReadReport => $"read the board's written reports{ofUnit}",
        ApiAction.ReadReportStatus => "read the status of written reports",
        _ => action.ToString(),
    };

    private static string AssigneeName(AssigneeRole assignee) => assignee switch
    {
        AssigneeRole.Chief => "chief",
        AssigneeRole.Leader => "leader",
        AssigneeRole.Board => "board",
        AssigneeRole.Administration => "administration",
        _ => "nobody",
    };

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
