using System.Collections.Immutable;
using Orleans;
using Orleans.Concurrency;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Contracts.Grains;

/// <summary>
/// The organisation directory (key <see cref="GrainKeys.Singleton"/>): every unit and chief. Registering
/// a unit starts its loop in its unit grain and puts it in its chief's portfolio. Administration only
/// for changes; every role may list.
/// </summary>
[Alias("tilsyn.IOrganisationGrain")]
public interface IOrganisationGrain : IGrainWithStringKey
{
    /// <summary>CSV columns id, name, sector, chief, leader, board, selfOwned, special, parent. All or nothing: every row error is returned.</summary>
    Task<Result<ImportSummary>> ImportUnitsAsync(string csv);

    /// <summary>Creates or updates one unit.</summary>
    Task<Result<ImportSummary>> RegisterUnitAsync(UnitDto unit);

    /// <summary>Registers the demo organisation (seed institutions plus generated units) and the demo themes of the running loops.</summary>
    Task<Result<ImportSummary>> SeedDemoAsync();

    [AlwaysInterleave]
    Task<Result<UnitPage>> ListUnitsAsync(UnitQuery query);

    [AlwaysInterleave]
    Task<Result<UnitDto>> GetUnitAsync(string unitId);

    [AlwaysInterleave]
    Task<Result<ImmutableArray<ChiefDto>>> ListChiefsAsync();
}
