using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Mapping;

public static class UnitMapping
{
    public static UnitDto ToDto(this Unit u) => new(
        u.Id.Value, u.Name, u.Sector, u.Leader.Value, u.Chief.Value, u.Board?.Value,
        [.. u.SubUnits.Select(s => new SubUnitDto(s.Id.Value, s.Name))], u.SelfOwned, u.Special);

    /// <summary>Validates a unit as typed: every violation at once.</summary>
    public static Result<Unit> ToDomain(this UnitDto? dto)
    {
        if (dto is null) return Problem.Invalid("unit", "is required");
        var draft = new UnitDraft(dto.Id, dto.Name, Enum.IsDefined(dto.Sector) ? dto.Sector.ToString() : null, dto.Leader, dto.Chief, dto.Board,
            dto.SelfOwned, dto.Special, [.. dto.SubUnits.OrEmpty().Select(s => new SubUnitDraft(s?.Id, s?.Name))]);
        return UnitValidator.Validate(draft);
    }
}
