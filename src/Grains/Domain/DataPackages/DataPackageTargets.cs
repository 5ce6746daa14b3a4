using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.DataPackages;

/// <summary>What a data-package row may point at: every unit id and sub-unit id, with the unit and sector it belongs to.</summary>
public sealed record DataPackageTargets(ImmutableDictionary<string, (UnitId Unit, Sector Sector)> ById)
{
    public static DataPackageTargets From(IEnumerable<Unit> units)
    {
        var map = ImmutableDictionary.CreateBuilder<string, (UnitId, Sector)>(StringComparer.Ordinal);
        foreach (var u in units)
        {
            map[u.Id.Value] = (u.Id, u.Sector);
            foreach (var s in u.SubUnits) map[s.Id.Value] = (u.Id, u.Sector);
        }
        return new DataPackageTargets(map.ToImmutable());
    }
}
