using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using Orleans;
using Orleans.Runtime;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.DataPackages;
using OrleansTilsyn.Grains.Mapping;

namespace OrleansTilsyn.Grains.Configuration;

/// <summary>What the configuration grain stores: every wheel version, and the data packages' minimum group size.</summary>
[StoredAsJson]
public sealed record ConfigurationState
{
    public WheelConfiguration Wheel { get; init; } = WheelConfiguration.Empty;

    public int MinimumGroupSize { get; init; } = SuppressionPolicy.DefaultMinimum;

    /// <summary>The administration's recent requests with the wheel version each one added.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public RequestLedger<WheelVersionDto>? Requests { get; init; }
}

/// <summary>The versioned configuration (one grain). Versions are never rewritten; a new one applies to loops starting on or after its date.</summary>
[GrainType("configuration")]
public sealed class ConfigurationGrain([PersistentState("state")] IPersistentState<Committed<ConfigurationState>> state, CommittingGrainServices services)
    : CommittingGrain<ConfigurationState>(state, services), IConfigurationGrain
{
    public const int MaxGroupSize = 100;

    public async Task<Result<WheelVersionDto>> AddWheelVersionAsync(WheelChangeDto change)
    {
        if (Actors.RequireAdministration("change the annual wheel") is { } denied) return denied;
        if (change?.Key is null) return Problem.Invalid("key", "is required");
        if (change.Settings is null) return Problem.Invalid("settings", "is required");
        var request = RequestKeyContext.Take();
        if (State.Requests.FirstAnswerTo(request, "AddWheelVersion") is { } first) return first;
        var (settings, unparsable) = change.Settings.Parse();
        var key = change.Key.ToDomain();
        var next = State.Wheel.AddVersion(key, change.EffectiveFrom, settings, Actors.CurrentName(), change.Reason, Now);
        if (unparsable.Any || !next.IsSuccess) return AllViolations(settings, unparsable, next.Problem);
        var added = next.Ok.Versions[^1].ToDto();
        var requests = State.Requests.Recording(request, "AddWheelVersion", added);
        await CommitAsync(State with { Wheel = next.Ok, Requests = requests }, "AddWheelVersion", detail: $"{key} from {change.EffectiveFrom:yyyy-MM-dd}");
        return added;
    }

    /// <summary>Every violation at once: unparsable days, then the domain's rules (settings fields under "settings.", none twice).</summary>
    private static Problem AllViolations(WheelSettings settings, Domain.Violations unparsable, Problem? rules)
    {
        var settingsFields = WheelSettingsRules.Validate(settings).Select(v => v.Field).ToHashSet(StringComparer.Ordinal);
        var ruled = (rules?.Violations ?? []).Select(v => settingsFields.Contains(v.Field) ? v with { Field = $"settings.{v.Field}" } : v);
        var all = unparsable.Items.Concat(ruled.Where(v => !unparsable.Items.Any(u => u.Field == v.Field)));
        return Problem.Invalid("The wheel version is not valid.", all);
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
