using System.Collections.Immutable;
using Orleans;
using Orleans.Concurrency;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Contracts.Grains;

/// <summary>
/// The configuration (key <see cref="GrainKeys.Singleton"/>): the versioned annual wheel per sector and
/// flags, and the minimum group size of data packages. A wheel version applies to loops starting on or
/// after its effective date; unit grains read it when a loop starts. Changes: administration.
/// </summary>
[Alias("tilsyn.IConfigurationGrain")]
public interface IConfigurationGrain : IGrainWithStringKey
{
    Task<Result<WheelVersionDto>> AddWheelVersionAsync(WheelChangeDto change);

    /// <summary>The version for a loop of such units starting on <paramref name="loopStart"/> (built-in default when none is set).</summary>
    [AlwaysInterleave]
    Task<WheelVersionDto> ResolveWheelAsync(WheelKeyDto key, DateOnly loopStart);

    [AlwaysInterleave]
    Task<ImmutableArray<WheelVersionDto>> ListWheelVersionsAsync();

    Task<Result<SuppressionDto>> SetSuppressionAsync(int minimumGroupSize);

    [AlwaysInterleave]
    Task<SuppressionDto> GetSuppressionAsync();
}
