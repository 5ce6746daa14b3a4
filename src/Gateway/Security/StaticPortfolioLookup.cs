using System.Collections.Frozen;
using OrleansTilsyn.Grains.Domain.Demo;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Gateway.Security;

/// <summary>A fixed organisation's units; by default the embedded demo organisation.</summary>
public sealed class StaticPortfolioLookup : IPortfolioLookup
{
    private readonly FrozenDictionary<string, UnitAccessFacts> _units;

    public StaticPortfolioLookup(IEnumerable<UnitAccessFacts> units) =>
        _units = units.ToFrozenDictionary(u => u.UnitId, StringComparer.Ordinal);

    public static StaticPortfolioLookup FromUnits(IEnumerable<Unit> units) =>
        new(units.Select(u => new UnitAccessFacts(u.Id.Value, u.Chief.Value, u.SelfOwned)));

    public static StaticPortfolioLookup Demo() => FromUnits(DemoData.Build().Units);

    public ValueTask<UnitAccessFacts?> FindUnitAsync(string unitId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_units.GetValueOrDefault(unitId));
}
