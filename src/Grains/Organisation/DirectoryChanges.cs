using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Grains;
using Orleans;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Mapping;

namespace OrleansTilsyn.Grains.Organisation;

/// <summary>What an import changes in the directory, and the fan-out to unit and chief grains that follows the commit.</summary>
internal sealed record DirectoryChanges(Dictionary<string, Unit> ById, int Created, int Updated, Dictionary<string, ChiefId> FormerChiefs)
{
    public static DirectoryChanges Of(IReadOnlyDictionary<string, Unit> known, IReadOnlyList<Unit> units)
    {
        var byId = units.ToDictionary(u => u.Id.Value, StringComparer.Ordinal);
        var formerChiefs = new Dictionary<string, ChiefId>(StringComparer.Ordinal);
        int created = 0, updated = 0;
        foreach (var unit in units)
        {
            if (!known.TryGetValue(unit.Id.Value, out var before)) created++;
            else if (!Same(before, unit))
            {
                updated++;
                if (before.Chief != unit.Chief) formerChiefs[unit.Id.Value] = before.Chief;
            }
        }

        return new DirectoryChanges(byId, created, updated, formerChiefs);
    }

    /// <summary>Registers every unit with its grain, then the portfolios; returns the units whose grain refused or failed.</summary>
    public static async Task<ImmutableArray<string>> FanOutAsync(IGrainFactory grains, IReadOnlyList<Unit> units, Dictionary<string, ChiefId> formerChiefs)
    {
        var registered = await FanOut.RunAsync(units, u => grains.GetGrain<IUnitGrain>(u.Id.Value).RegisterAsync(u.ToDto()));
        var failed = registered.Where(r => r.Error is not null || r.Value is { IsSuccess: false }).Select(r => r.Key.Id.Value).ToHashSet(StringComparer.Ordinal);
        var portfolios = units.Where(u => !failed.Contains(u.Id.Value)).GroupBy(u => u.Chief.Value, StringComparer.Ordinal).ToArray();
        await FanOut.RunAsync(portfolios, g => grains.GetGrain<IChiefGrain>(g.Key).AssignUnitsAsync([.. g.Select(u => u.Id.Value)]));
        await FanOut.RunAsync([.. formerChiefs], f => grains.GetGrain<IChiefGrain>(f.Value.Value).ReleaseUnitAsync(f.Key));
        return [.. failed.Order(StringComparer.Ordinal)];
    }

    private static bool Same(Unit a, Unit b) => a with { SubUnits = [] } == b with { SubUnits = [] } && a.SubUnits.SequenceEqual(b.SubUnits);
}
