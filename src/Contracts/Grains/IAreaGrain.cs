using System.Collections.Immutable;
using Orleans;
using Orleans.Concurrency;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Contracts.Grains;

/// <summary>
/// One loop of an age area (key "0-6/2023", see <see cref="GrainKeys.Area"/>): its political themes
/// (administration; a new version is pushed to the units in that loop), the committee overview of the
/// units' local focus areas and the end-of-loop summing-up, both computed from the units of the area.
/// </summary>
[Alias("tilsyn.IAreaGrain")]
public interface IAreaGrain : IGrainWithStringKey
{
    Task<Result<ThemeSetDto>> SetThemesAsync(ImmutableArray<ThemeDto> themes);

    /// <summary>The current version of the themes; NotFound until set.</summary>
    [AlwaysInterleave]
    Task<Result<ThemeSetDto>> GetThemesAsync();

    [AlwaysInterleave]
    Task<Result<FocusAreaOverviewDto>> GetFocusAreaOverviewAsync();

    [AlwaysInterleave]
    Task<Result<OpsamlingOverviewDto>> GetOpsamlingOverviewAsync();
}
