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
using OrleansTilsyn.Grains.Domain.Import;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Mapping;

namespace OrleansTilsyn.Grains.DataPackages;

/// <summary>
/// A sector's data package for a half-year (key "Dagtilbud/2023-Spring"): imported releases, every
/// version kept; a release tells every unit of the sector. Values of small groups are suppressed on read.
/// </summary>
[GrainType("data-package")]
public sealed class DataPackageGrain([PersistentState("state")] IPersistentState<Committed<DataPackageGrainState>> state, CommittingGrainServices services)
    : CommittingGrain<DataPackageGrainState>(state, services), IDataPackageGrain
{
    private Sector _sector;
    private Period _period;

    protected override Task OnStateLoadedAsync()
    {
        var parts = Key.Split('/');
        if (parts.Length != 2 || !Enum.TryParse(parts[0], out _sector) || !Period.TryParse(parts[1], out _period))
            throw new ArgumentException($"'{Key}' is not a data package key like Dagtilbud/2023-Spring.");
        return Task.CompletedTask;
    }

    public async Task<Result<DataPackageReleaseDto>> ImportAsync(string csv, string? correctionReason)
    {
        if (Actors.RequireAdministration("release a data package") is { } denied) return denied;
        if (ImportLimits.DataPackage.CheckSize(csv ?? "") is { } tooLarge) return tooLarge;
        var units = await AllUnitsAsync();
        var request = RequestKeyContext.Take();
        DataPackageRelease current;
        if (State.Requests.FirstAnswerTo(request, "ReleaseDataPackage") is { } first)
        {
            if (!first.IsSuccess) return first.Problem;
            current = State.History.Versions.First(v => v.Version == first.Value);
        }
        else
        {
            var release = DataPackageCsv.Parse(csv ?? "", _sector, _period, DataPackageTargets.From(units), Actors.CurrentName(), Now);
            var next = release.Then(r => State.History.Release(r, correctionReason));
            if (!next.IsSuccess) return next.Problem;
            current = next.Value.Current!;
            var requests = State.Requests.Recording(request, "ReleaseDataPackage", current.Version);
            await CommitAsync(new DataPackageGrainState { Versions = next.Value.Versions, Requests = requests },
                "ReleaseDataPackage", detail: $"version {current.Version}, {current.Values.Length} values");
        }

        // Also on a repeat: telling the units again is harmless and completes a fan-out the first call could not finish.
        await FanOut.RunAsync([.. units.Where(u => u.Sector == _sector)], u => GrainFactory.GetGrain<IUnitGrain>(u.Id.Value).DataPackageReleasedAsync(_period.ToString()));

        return current.ToDto();
    }

    public Task<Result<ImmutableArray<DataPackageReleaseDto>>> GetHistoryAsync() => Task.FromResult(
        Actors.Current().Map(_ => State.History.Versions.Select(v => v.ToDto()).ToImmutableArray()));

    public async Task<Result<UnitDataPackageDto>> GetForUnitAsync(string unitId)
    {
        var actor = Actors.Current();
        if (!actor.IsSuccess) return actor.Problem;
        var unit = await GrainFactory.GetGrain<IOrganisationGrain>(GrainKeys.Singleton).GetUnitAsync(unitId);
        if (!unit.IsSuccess) return unit.Problem;
        if (LoopPermissions.CheckRead(unit.Value.ToDomain().Ok, actor.Value, ReadScope.Status) is { } denied) return denied;
        if (State.History.Current is not { } release) return Problem.NotFound($"The {_sector} data package {_period} is not released.");
        var suppression = await GrainFactory.GetGrain<IConfigurationGrain>(GrainKeys.Singleton).GetSuppressionAsync();
        return DataPackageView.ForUnit(release, UnitId.Parse(unitId), new SuppressionPolicy(suppression.MinimumGroupSize)).Map(p => p.ToDto());
    }

    /// <summary>Every unit, not only the sector's: a row naming another sector's unit is told which sector that is.</summary>
    private async Task<List<Unit>> AllUnitsAsync() =>
        [.. (await UnitDirectory.UnitsAsync(GrainFactory, new UnitQuery())).Select(u => u.ToDomain().Ok)];
}

/// <summary>
/// What a data package grain stores: its releases (<see cref="DataPackageHistory.Versions"/>, same shape as before)
/// and the administration's recent import requests with the release version each one made.
/// </summary>
[StoredAsJson]
public sealed record DataPackageGrainState
{
    public ImmutableArray<DataPackageRelease> Versions { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public RequestLedger<int>? Requests { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public DataPackageHistory History => new() { Versions = Versions };
}
