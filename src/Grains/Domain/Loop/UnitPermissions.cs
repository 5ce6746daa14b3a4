namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>How an actor stands to one unit (or, for cross-unit actions, in general).</summary>
public enum UnitRelation
{
    None,
    /// <summary>The chief whose portfolio holds the unit.</summary>
    Chief,
    Leader,
    Board,
    Administration,
    Operations,
    System,
}

/// <summary>
/// The one permission table of SPEC "Roles and what they may do": which parties may perform each
/// action on a unit and read each scope of it. The domain's commands and queries ask it through
/// <see cref="LoopPermissions"/>, the gateway's per-method policy asks it directly, so the two cannot
/// drift apart. Whether the unit is a self-owned daycare changes only <see cref="Party.Holder"/> and
/// <see cref="Party.SelfOwnedBoard"/>.
/// </summary>
public static class UnitPermissions
{
    public const Party ConductConversation = Party.Holder | Party.Leader;
    public const Party AddBoardStatement = Party.Board | Party.Leader;
    public const Party ChooseFocusAreas = Party.Holder | Party.Leader;
    public const Party CloseAgreement = Party.Chief | Party.Leader | Party.Holder;
    public const Party ManageOneToOnes = Party.Chief | Party.Leader;
    public const Party SubmitBoardReport = Party.SelfOwnedBoard;
    public const Party ReviewBoardReport = Party.Chief;
    public const Party SubmitOpsamling = Party.Holder | Party.Leader;
    public const Party WriteReport = Party.Board;
    public const Party ReportSubmission = Party.Board | Party.System;

    /// <summary>Unit data, loops, themes, data-package releases, configuration and templates.</summary>
    public const Party Administer = Party.Administration | Party.System;

    /// <summary>Cross-unit overviews (focus areas, summing-up).</summary>
    public const Party CrossUnitReports = Party.Administration;

    /// <summary>Loop health of all units: counts, never content.</summary>
    public const Party HealthOverview = Party.Administration | Party.Operations;

    public const Party ReadWheelConfiguration = Party.Chief | Party.Leader | Party.Administration;

    /// <summary>Who may read a scope of a unit: the unit's own parties, the administration up to the
    /// unit's status and reports, operations health only, the service everything.</summary>
    public static Party ReadersOf(ReadScope scope) => scope switch
    {
        ReadScope.Health => Party.Chief | Party.Leader | Party.Board | Party.Administration | Party.Operations | Party.System,
        ReadScope.Status => Party.Chief | Party.Leader | Party.Board | Party.Administration | Party.System,
        ReadScope.Statements => Party.Chief | Party.Leader | Party.Board | Party.System,
        ReadScope.Meetings => Party.Chief | Party.Leader | Party.Holder | Party.System,
        ReadScope.Reports => Party.Chief | Party.Leader | Party.Holder | Party.Administration | Party.System,
        ReadScope.OneToOnes => Party.Chief | Party.Leader | Party.System,
        _ => Party.None,
    };

    /// <summary>Who may read a written report: a draft is the board's own; a submitted report is read by
    /// the board, the unit's chief and the administration, a submitted statement also by the leader.</summary>
    public static Party ReportReaders(bool submitted, bool supervision) =>
        !submitted ? Party.Board
        : supervision ? Party.Board | Party.Chief | Party.Administration
        : Party.Board | Party.Chief | Party.Leader | Party.Administration;

    /// <summary>Who may read some written report of a unit, whatever its state.</summary>
    public static Party AnyReportReaders => ReportReaders(false, false) | ReportReaders(true, true) | ReportReaders(true, false);

    public static bool Permits(Party parties, UnitRelation relation, bool selfOwned) => relation switch
    {
        UnitRelation.Chief => parties.HasFlag(Party.Chief) || (parties.HasFlag(Party.Holder) && !selfOwned),
        UnitRelation.Leader => parties.HasFlag(Party.Leader),
        UnitRelation.Board => parties.HasFlag(Party.Board) || (selfOwned && (parties.HasFlag(Party.Holder) || parties.HasFlag(Party.SelfOwnedBoard))),
        UnitRelation.Administration => parties.HasFlag(Party.Administration),
        UnitRelation.Operations => parties.HasFlag(Party.Operations),
        UnitRelation.System => parties.HasFlag(Party.System),
        _ => false,
    };
}
