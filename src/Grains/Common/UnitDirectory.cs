using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Model;
using Orleans;

namespace OrleansTilsyn.Grains.Common;

/// <summary>Reads the organisation directory page by page for the grains that act on many units.</summary>
public static class UnitDirectory
{
    private const int PageSize = 10_000;

    /// <summary>Every unit matching the sector or area filter (the page fields of <paramref name="filter"/> are ignored).</summary>
    public static async Task<IReadOnlyList<UnitDto>> UnitsAsync(IGrainFactory grains, UnitQuery filter)
    {
        var directory = grains.GetGrain<IOrganisationGrain>(GrainKeys.Singleton);
        var units = new List<UnitDto>();
        string? token = null;
        do
        {
            var page = await directory.ListUnitsAsync(filter with { PageSize = PageSize, PageToken = token });
            if (!page.IsSuccess) break;
            units.AddRange(page.Value.Units);
            token = page.Value.NextPageToken;
        }
        while (token is not null);
        return units;
    }
}
