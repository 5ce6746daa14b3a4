using System.Text.Json.Serialization;
using System.Collections.Immutable;

namespace OrleansTilsyn.Grains.Domain.Organisation;

/// <summary>
/// A dagtilbud, school or FU unit. Leader, chief and board are role ids, never person names.
/// Build through <see cref="UnitValidator"/>; a constructed unit is assumed valid.
/// </summary>
public sealed record Unit(
    UnitId Id,
    string Name,
    Sector Sector,
    LeaderId Leader,
    ChiefId Chief,
    BoardId? Board,
    ImmutableArray<SubUnit> SubUnits,
    bool SelfOwned,
    bool Special)
{
    [JsonIgnore]
    public AgeArea AgeArea => Sector.AgeArea();

    public bool HasSubUnit(SubUnitId id) => SubUnits.Any(s => s.Id == id);
}
