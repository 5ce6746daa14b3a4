using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.Demo;

/// <summary>
/// Deterministic demo organisation for the embedded default: the seed institutions plus generated
/// units across the three sectors (some self-owned, some special) under six chiefs with 10-30 units each.
/// </summary>
public static class DemoData
{
    public const int ChiefCount = 6;

    public static DemoOrganisation Build()
    {
        var units = new List<Unit>
        {
            Make("strandens-dagtilbud", DemoNames.StrandensDagtilbud, Sector.Dagtilbud, false, false,
                [.. DemoNames.StrandensDepartments.Select((d, i) => new SubUnit(SubUnitId.Parse($"strandens-dagtilbud.{i + 1}"), d))]),
            Make("skovbrynet", DemoNames.Skovbrynet, Sector.Dagtilbud, false, true, []),
            Make("langagerskolen", DemoNames.Langagerskolen, Sector.Skole, false, true, []),
        };
        var places = DemoNames.Places;
        for (var i = 0; i < places.Length; i++)
        {
            var slug = Slug(places[i]);
            var sides = DemoNames.Sides.Take(2 + i % 3).ToArray();
            units.Add(Make($"dt-{slug}", $"Dagtilbud {places[i]}", Sector.Dagtilbud, selfOwned: i % 7 == 3, special: i % 13 == 5,
                [.. sides.Select((s, k) => new SubUnit(SubUnitId.Parse($"dt-{slug}.{k + 1}"), $"{places[i]} {s}"))]));
            units.Add(Make($"sk-{slug}", $"{places[i]} Skole", Sector.Skole, false, special: i % 11 == 7, []));
            if (i % 2 == 0)
                units.Add(Make($"fu-{slug}", $"FU {places[i]}", Sector.Fu, false, special: i % 10 == 4,
                    [new SubUnit(SubUnitId.Parse($"fu-{slug}.1"), $"Klub {places[i]}"), new SubUnit(SubUnitId.Parse($"fu-{slug}.2"), $"Ungdomsskole {places[i]}")]));
        }
        var withChiefs = units.Select((u, i) => u with { Chief = ChiefOf(i) }).ToImmutableArray();
        var portfolios = withChiefs.GroupBy(u => u.Chief).OrderBy(g => g.Key.Value, StringComparer.Ordinal)
            .Select(g => new ChiefPortfolio(g.Key, [.. g.Select(u => u.Id)])).ToImmutableArray();
        return new DemoOrganisation(withChiefs, portfolios, DemoThemes.All);
    }

    public static ChiefId ChiefOf(int unitIndex) => ChiefId.Parse($"bu-chef-{unitIndex % ChiefCount + 1}");

    private static Unit Make(string id, string name, Sector sector, bool selfOwned, bool special, ImmutableArray<SubUnit> subUnits) =>
        new(UnitId.Parse(id), name, sector, LeaderId.Parse($"leder-{id}"), ChiefOf(0),
            BoardId.Parse($"bestyrelse-{id}"), subUnits, selfOwned, special);

    private static string Slug(string name) => new(name.ToLowerInvariant()
        .Replace("æ", "ae", StringComparison.Ordinal).Replace("ø", "oe", StringComparison.Ordinal).Replace("å", "aa", StringComparison.Ordinal)
        .Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
}
