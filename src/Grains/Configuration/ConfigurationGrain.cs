using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.DataPackages;
using OrleansTilsyn.Grains.Mapping;

namespace OrleansTilsyn.Grains.Configuration;

/// <summary>What the configuration grain stores: every wheel version, and the data packages' minimum group size.</summary>
public sealed record ConfigurationState
{
    public WheelConfiguration Wheel { get; init; } = WheelConfiguration.Empty;

    public int MinimumGroupSize { get; init; } = SuppressionPolicy.DefaultMinimum;
}

/// <summary>The versioned configuration (one grain). Versions are never rewritten; a new one applies to loops starting on or after its date.</summary>
public sealed class ConfigurationGrain : Grain<ConfigurationState>, IConfigurationGrain
{
    public const int MaxGroupSize = 100;

    public async Task<Result<WheelVersionDto>> AddWheelVersionAsync(WheelChangeDto change)
    {
        if (Actors.RequireAdministration("change the annual wheel") is { } denied) return denied;
        if (change?.Key is null) return Problem.Invalid("key", "is required");
        var settings = change.Settings.ToDomain();
        if (!settings.IsSuccess) return settings.Problem;
        var key = change.Key.ToDomain();
        var next = State.Wheel.AddVersion(key, change.EffectiveFrom, settings.Value, CallContext.Actor.ToString(), change.Reason, Now);
        if (!next.IsSuccess) return next.Problem;
        await CommitAsync(State with { Wheel = next.Value }, "AddWheelVersion", detail: $"{key} from {change.EffectiveFrom:yyyy-MM-dd}");
        return next.Value.Versions[^1].ToDto();
    }

    public Task<WheelVersionDto> ResolveWheelAsync(WheelKeyDto key, DateOnly loopStart) =>
        Task.FromResult(State.Wheel.Resolve(key.ToDomain(), loopStart).ToDto());

    public Task<ImmutableArray<WheelVersionDto>> ListWheelVersionsAsync() =>
        Task.FromResult(State.Wheel.Versions.Select(v => v.ToDto()).ToImmutableArray());

    public async Task<Result<SuppressionDto>> SetSuppressionAsync(int minimumGroupSize)
    {
        if (Actors.RequireAdministration("change the minimum group size") is { } denied) return denied;
        if (minimumGroupSize is < 1 or > MaxGroupSize) return Problem.Invalid("minimumGroupSize", $"must be 1-{MaxGroupSize}");
        await CommitAsync(State with { MinimumGroupSize = minimumGroupSize }, "SetSuppression", detail: $"{minimumGroupSize}");
        return new SuppressionDto(minimumGroupSize);
    }

    public Task<SuppressionDto> GetSuppressionAsync() => Task.FromResult(new SuppressionDto(State.MinimumGroupSize));
}
