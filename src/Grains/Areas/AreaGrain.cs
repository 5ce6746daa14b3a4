using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using Orleans;
using Orleans.Runtime;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Mapping;

namespace OrleansTilsyn.Grains.Areas;

/// <summary>
/// One loop of an age area (key "0-6/2023"): the political themes (every version kept, the current one
/// pushed to the units in that loop) and the cross-unit overviews, computed from the units on each read.
/// </summary>
[GrainType("area")]
public sealed class AreaGrain([PersistentState("state")] IPersistentState<Committed<AreaGrainState>> state, CommittingGrainServices services)
    : CommittingGrain<AreaGrainState>(state, services), IAreaGrain
{
    private LoopId _loop;

    protected override Task OnStateLoadedAsync()
    {
        if (!LoopId.TryParse(Key, out _loop)) throw new ArgumentException($"'{Key}' is not an area loop key like 0-6/2023.");
        return Task.CompletedTask;
    }

    public async Task<Result<ThemeSetDto>> SetThemesAsync(ImmutableArray<ThemeDto> themes)
    {
        if (Actors.RequireAdministration("set the political themes") is { } denied) return denied;
        var request = RequestKeyContext.Take();
        if (State.Requests.FirstAnswerTo(request, "SetThemes") is { } first) return first;
        var next = State.Themes.SetThemes(_loop, [.. themes.OrEmpty().Select(ThemeMapping.ToDomain)], Actors.CurrentName(), Now);
        if (!next.IsSuccess) return next.Problem;
        var current = next.Value.Current(_loop)!.ToDto();
        var requests = State.Requests.Recording(request, "SetThemes", current);
        await CommitAsync(new AreaGrainState { History = next.Value.History, Requests = requests }, "SetThemes", detail: $"version {current.Version}");
        var units = await UnitsAsync();
        await FanOut.RunAsync(units, u => GrainFactory.GetGrain<IUnitGrain>(u.Id).SetThemesAsync(current));

        return current;
    }

    public Task<Result<ThemeSetDto>> GetThemesAsync() => Task.FromResult<Result<ThemeSetDto>>(
        State.Themes.Current(_loop) is { } themes ? themes.ToDto() : Problem.NotFound($"The political themes of {_loop} are not set."));

    public async Task<Result<FocusAreaOverviewDto>> GetFocusAreaOverviewAsync()
    {
        if (Actors.RequireAdministration("read the focus-area overview") is { } denied) return denied;
        var asked = await FanOut.RunAsync(await UnitsAsync(), u => GrainFactory.GetGrain<IUnitGrain>(u.Id).GetFocusAreasAsync(Key));
        var entries = asked.Where(a => a.Value is { IsSuccess: true }).Select(a => a.Value!.Ok).ToArray();
        var overview = entries.Where(e => e.Version > 0).Aggregate(new FocusAreaOverview(_loop), (o, e) => o.Upsert(new FocusAreaOverviewEntry(
            UnitId.Parse(e.Unit), e.UnitName, e.Sector, e.Version, [.. e.Areas.Select(MeetingMapping.ToDomain)])));
        return new FocusAreaOverviewDto(Key, [.. entries.Where(e => e.Version > 0).OrderBy(e => e.Unit, StringComparer.Ordinal)],
            [.. overview.UnitsPerTheme().OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new ThemeCountDto(kv.Key, kv.Value))],
            [.. entries.Where(e => e.Version == 0).Select(e => e.Unit).Order(StringComparer.Ordinal)], NotReached(asked));
    }

    public async Task<Result<OpsamlingOverviewDto>> GetOpsamlingOverviewAsync()
    {
        if (Actors.RequireAdministration("read the summing-up overview") is { } denied) return denied;
        var asked = await FanOut.RunAsync(await UnitsAsync(), u => GrainFactory.GetGrain<IUnitGrain>(u.Id).GetOpsamlingAsync(Key));
        var entries = asked.Where(a => a.Value is { IsSuccess: true }).Select(a => a.Value!.Ok).OrderBy(e => e.Unit, StringComparer.Ordinal).ToImmutableArray();
        var summedUp = entries.Count(e => e.SubmittedAt is not null);
        return new OpsamlingOverviewDto(Key, entries, summedUp, entries.Length - summedUp, NotReached(asked));
    }

    /// <summary>Every unit of the area in the directory (the ones in another loop answer NotFound and are left out).</summary>
    private Task<IReadOnlyList<UnitDto>> UnitsAsync() => UnitDirectory.UnitsAsync(GrainFactory, new UnitQuery(Area: _loop.Area));

    private static ImmutableArray<string> NotReached<T>((UnitDto Key, Result<T>? Value, Exception? Error)[] asked) =>
        [.. asked.Where(a => a.Error is not null || a.Value is { IsSuccess: false, Problem.Kind: not ProblemKind.NotFound }).Select(a => a.Key.Id)];
}

/// <summary>
/// What an area grain stores: the theme sets (<see cref="AreaThemes.History"/>, same shape as before) and the
/// administration's recent requests with the theme set each one made.
/// </summary>
[StoredAsJson]
public sealed record AreaGrainState
{
    public ImmutableArray<ThemeSet> History { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public RequestLedger<ThemeSetDto>? Requests { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public AreaThemes Themes => new() { History = History };
}
