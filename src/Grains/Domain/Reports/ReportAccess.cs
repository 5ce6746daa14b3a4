using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>
/// Who may do what with a unit's written reports. Only the unit's board writes (a supervision report
/// only when the unit is self-owned). A draft is the board's own; a submitted report is read by the
/// board, the unit's chief and the administration, a submitted statement also by the unit's leader
/// (it enters the samtale as data). Operations never read content, only <see cref="ReportStatusView"/>.
/// </summary>
public static class ReportAccess
{
    public static Problem? CheckWrite(Unit unit, ReportId id, Actor by)
    {
        EnsureSameUnit(unit, id);
        if (LoopPermissions.Check(unit, by, UnitPermissions.WriteReport, $"write the report {id}") is { } denied) return denied;
        return id.Purpose == ReportPurpose.Supervision && !unit.SelfOwned
            ? Problem.FailedPrecondition($"Unit {unit.Id} is not self-owned; its board does not report its supervision in writing.")
            : null;
    }

    public static Problem? CheckRead(Unit unit, WrittenReport r, Actor by)
    {
        EnsureSameUnit(unit, r.Id);
        var readers = UnitPermissions.ReportReaders(r.IsSubmitted, r.Id.Purpose == ReportPurpose.Supervision);
        return LoopPermissions.Check(unit, by, readers, $"read the report {r.Id}");
    }

    internal static void EnsureSameUnit(Unit unit, ReportId id)
    {
        if (unit.Id != id.Unit) throw new DomainInvariantException($"Report {id} does not belong to unit {unit.Id}.");
    }
}
