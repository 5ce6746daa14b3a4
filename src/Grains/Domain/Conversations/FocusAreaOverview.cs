using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.Conversations;

/// <summary>One unit's current focus areas in the committee overview.</summary>
public sealed record FocusAreaOverviewEntry(UnitId Unit, string UnitName, Sector Sector, int Version, ImmutableArray<FocusArea> Areas);

/// <summary>
/// The overview of all units' local focus areas in one loop of an age area, reported to the Børn og
/// Unge committee. Kept by the area grain; a unit's newer choice replaces its older one.
/// </summary>
public sealed record FocusAreaOverview(LoopId Loop)
{
    public ImmutableArray<FocusAreaOverviewEntry> Entries { get; init; } = [];

    public FocusAreaOverview Upsert(FocusAreaOverviewEntry entry)
    {
        var existing = Entries.FirstOrDefault(e => e.Unit == entry.Unit);
        if (existing is not null && existing.Version >= entry.Version) return this;
        var rest = Entries.Where(e => e.Unit != entry.Unit);
        return this with { Entries = [.. rest.Append(entry).OrderBy(e => e.Unit.Value, StringComparer.Ordinal)] };
    }

    /// <summary>How many units chose a focus area within each theme.</summary>
    public ImmutableDictionary<string, int> UnitsPerTheme() =>
        Entries.SelectMany(e => e.Areas.Select(a => (a.ThemeCode, e.Unit)).Distinct())
            .GroupBy(x => x.ThemeCode, StringComparer.OrdinalIgnoreCase)
            .ToImmutableDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
}
