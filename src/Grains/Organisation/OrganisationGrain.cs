using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using Orleans;
using Orleans.Runtime;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Import;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Mapping;

namespace OrleansTilsyn.Grains.Organisation;

/// <summary>
/// The organisation directory. Imports commit the directory first (all or nothing), then register
/// every imported unit with its unit grain and its chief's portfolio; both are idempotent, so
/// importing the same file again completes a fan-out that was cut short.
/// </summary>
[GrainType("organisation")]
public sealed class OrganisationGrain([PersistentState("state")] IPersistentState<Committed<OrganisationState>> state, CommittingGrainServices services)
    : CommittingGrain<OrganisationState>(state, services), IOrganisationGrain
{
    public const int MaxPageSize = 10_000;
    private Dictionary<string, Unit> _byId = new(StringComparer.Ordinal);

    protected override Task OnStateLoadedAsync()
    {
        _byId = State.Units.ToDictionary(u => u.Id.Value, StringComparer.Ordinal);
        return Task.CompletedTask;
    }

    /// <remarks>
    /// A repeat of the same request (its key in the call context) answers with the first import's counts; it still
    /// registers the file's units again (idempotent), so it completes a fan-out the first one could not finish.
    /// </remarks>
    public async Task<Result<ImportSummary>> ImportUnitsAsync(string csv)
    {
        if (Actors.RequireAdministration("import units") is { } denied) return denied;
        var units = UnitCsvImport.Parse(csv ?? "");
        if (!units.IsSuccess) return units.Problem;
        var request = RequestKeyContext.Take();
        var first = State.Requests.FirstAnswerTo(request, "ImportUnits");
        if (first is { IsSuccess: false }) return first.Problem;
        var summary = await RegisterAsync(units.Value, "ImportUnits", first is null ? request : null);
        return first is null ? summary : first.Ok with { NotRegistered = summary.NotRegistered };
    }

    public async Task<Result<ImportSummary>> RegisterUnitAsync(UnitDto unit)
    {
        if (Actors.RequireAdministration("register a unit") is { } denied) return denied;
        var validated = unit.ToDomain();
        return validated.IsSuccess ? await RegisterAsync([validated.Value], "RegisterUnit") : validated.Problem;
    }

    public async Task<Result<ImportSummary>> SeedDemoAsync()
    {
        if (Actors.RequireAdministration("seed the demo") is { } denied) return denied;
        var demo = Domain.Demo.DemoData.Build();
        await DemoSeeding.SetThemesAndPackagesAsync(GrainFactory, demo, Now, afterUnits: false);
        var summary = await RegisterAsync(demo.Units, "SeedDemo");
        await DemoSeeding.SetThemesAndPackagesAsync(GrainFactory, demo, Now, afterUnits: true);
        return summary;
    }

    public Task<Result<UnitPage>> ListUnitsAsync(UnitQuery query)
    {
        if (Actors.Current() is { IsSuccess: false } unknown) return Task.FromResult<Result<UnitPage>>(unknown.Problem!);
        if (query.PageSize is < 1 or > MaxPageSize) return Task.FromResult<Result<UnitPage>>(Problem.Invalid("pageSize", $"must be 1-{MaxPageSize}"));
        var matching = State.Units.Where(u => (query.Sector is null || u.Sector == query.Sector) && (query.Area is null || u.AgeArea == query.Area)
            && (query.Chief is null || u.Chief.Value == query.Chief)).ToArray();
        var page = matching.Where(u => query.PageToken is null || string.CompareOrdinal(u.Id.Value, query.PageToken) > 0).Take(query.PageSize + 1).ToArray();
        var next = page.Length > query.PageSize ? page[query.PageSize - 1].Id.Value : null;
        return Task.FromResult<Result<UnitPage>>(new UnitPage([.. page.Take(query.PageSize).Select(u => u.ToDto())], next, matching.Length));
    }

    public Task<Result<UnitDto>> GetUnitAsync(string unitId) => Task.FromResult<Result<UnitDto>>(
        _byId.TryGetValue(unitId ?? "", out var unit) ? unit.ToDto() : Problem.NotFound($"Unit {unitId} is not registered."));

    public Task<Result<ImmutableArray<ChiefDto>>> ListChiefsAsync() => Task.FromResult<Result<ImmutableArray<ChiefDto>>>(
        State.Units.GroupBy(u => u.Chief.Value, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ChiefDto(g.Key, [.. g.Select(u => u.Id.Value)])).ToImmutableArray());

    /// <summary>Commits the directory's changes (with <paramref name="request"/>'s summary) and then registers every unit with its grains.</summary>
    private async Task<ImportSummary> RegisterAsync(IReadOnlyList<Unit> units, string command, RequestKey? request = null)
    {
        var changes = DirectoryChanges.Of(_byId, units);
        var summary = new ImportSummary(units.Count, changes.Created, changes.Updated, units.Count - changes.Created - changes.Updated,
            units.Select(u => u.Chief).Distinct().Count(), []);
        if (changes.Created + changes.Updated > 0)
        {
            var merged = _byId.Values.Where(u => !changes.ById.ContainsKey(u.Id.Value)).Concat(units)
                .OrderBy(u => u.Id.Value, StringComparer.Ordinal).ToImmutableArray();
            var requests = State.Requests.Recording(request, command, summary);
            await CommitAsync(State with { Units = merged, Requests = requests }, command, detail: $"{changes.Created} created, {changes.Updated} updated");
            _byId = merged.ToDictionary(u => u.Id.Value, StringComparer.Ordinal);
        }

        return summary with { NotRegistered = await DirectoryChanges.FanOutAsync(GrainFactory, units, changes.FormerChiefs) };
    }
}
