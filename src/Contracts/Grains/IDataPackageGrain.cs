using System.Collections.Immutable;
using Orleans;
using Orleans.Concurrency;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Contracts.Grains;

/// <summary>
/// A sector's data package for a half-year (key "Dagtilbud/2023-Spring", see <see cref="GrainKeys.DataPackage"/>):
/// releases imported from CSV (administration; all or nothing with every row error), every version kept;
/// a release tells the sector's units so they raise the preparation tasks. Reads suppress small groups.
/// </summary>
[Alias("tilsyn.IDataPackageGrain")]
public interface IDataPackageGrain : IGrainWithStringKey
{
    /// <summary>CSV columns unit (unit or sub-unit id), indicator, quality, value, groupSize. A second release needs a correction reason.</summary>
    Task<Result<DataPackageReleaseDto>> ImportAsync(string csv, string? correctionReason);

    [AlwaysInterleave]
    Task<Result<ImmutableArray<DataPackageReleaseDto>>> GetHistoryAsync();

    /// <summary>The unit's values of the current version; its chief, leader and board and the administration may read them.</summary>
    [AlwaysInterleave]
    Task<Result<UnitDataPackageDto>> GetForUnitAsync(string unitId);
}
