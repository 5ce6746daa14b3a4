using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Grains.Domain.Organisation;

/// <summary>Turns a <see cref="UnitDraft"/> into a <see cref="Unit"/>, reporting every broken rule at once.</summary>
public static class UnitValidator
{
    public const int MaxNameLength = 200;

    public static Result<Unit> Validate(UnitDraft draft)
    {
        var v = new Violations();
        var idOk = UnitId.TryParse(draft.Id?.Trim(), out var id);
        v.Require(idOk, "id", IdRules.Description);
        v.RequireText(draft.Name, "name", MaxNameLength);
        var sectorOk = SectorRules.TryParse(draft.Sector, out var sector);
        v.Require(sectorOk, "sector", "must be dagtilbud, skole or fu");
        v.Require(LeaderId.TryParse(draft.Leader?.Trim(), out var leader), "leader", IdRules.Description);
        v.Require(ChiefId.TryParse(draft.Chief?.Trim(), out var chief), "chief", IdRules.Description);
        BoardId? board = null;
        if (!string.IsNullOrWhiteSpace(draft.Board))
        {
            if (BoardId.TryParse(draft.Board.Trim(), out var b)) board = b;
            else v.Add("board", IdRules.Description);
        }
        v.Require(!draft.SelfOwned || !sectorOk || sector == Sector.Dagtilbud, "selfOwned", "only a dagtilbud can be self-owned");
        v.Require(!draft.SelfOwned || !string.IsNullOrWhiteSpace(draft.Board), "board", "a self-owned dagtilbud is run by its board and needs one");
        var subUnits = ValidateSubUnits(draft, idOk ? id.Value : null, v);
        return v.ToResult("The unit is not valid.", () =>
            new Unit(id, draft.Name!.Trim(), sector, leader, chief, board, subUnits, draft.SelfOwned, draft.Special));
    }

    private static ImmutableArray<SubUnit> ValidateSubUnits(UnitDraft draft, string? unitId, Violations v)
    {
        var result = ImmutableArray.CreateBuilder<SubUnit>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var drafts = draft.SubUnits.IsDefault ? [] : draft.SubUnits;
        for (var i = 0; i < drafts.Length; i++)
        {
            var field = $"subUnits[{i}]";
            var ok = SubUnitId.TryParse(drafts[i].Id?.Trim(), out var subId);
            v.Require(ok, $"{field}.id", IdRules.Description);
            v.RequireText(drafts[i].Name, $"{field}.name", MaxNameLength);
            if (ok && !seen.Add(subId.Value)) v.Add($"{field}.id", $"'{subId}' appears twice");
            if (ok && subId.Value == unitId) v.Add($"{field}.id", "must differ from the unit's id");
            if (ok && !string.IsNullOrWhiteSpace(drafts[i].Name)) result.Add(new SubUnit(subId, drafts[i].Name!.Trim()));
        }
        return result.ToImmutable();
    }
}
