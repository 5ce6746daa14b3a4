using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Contracts.Runtime;
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
public sealed class AreaGrain : Grain<AreaThemes>, IAreaGrain
{
    private LoopId _loop;

    protected override void OnAttached()
    {
        if (!LoopId.TryParse(Key, out _loop)) throw new ArgumentException($"'{Key}' is not an area loop key like 0-6/2023.");
    }

    public async Task<Result<ThemeSetDto>> SetThemesAsync(ImmutableArray<ThemeDto> themes)
    {
        if (Actors.RequireAdministration("set the political themes") is { } denied) return denied;
        var next = State.SetThemes(_loop, [.. themes.OrEmpty().Select(ThemeMapping.ToDomain)], CallContext.Actor.ToString(), Now);
        if (!next.IsSuccess) return next.Problem;
        await CommitAsync(next.Value, "SetThemes", detail: $"version {next.Value.Current(_loop)!.Version}");
        var current = next.Value.Current(_loop)!.ToDto();
        var units = await UnitsAsync();
        await FanOut.RunAsync(units, u => GrainFactory.GetGrain<IUnitGrain>(u.Id).SetThemesAsync(current));
        return current;
    }

    public Task<Result<ThemeSetDto>> GetThemesAsync() => Task.FromResult<Result<ThemeSetDto>>(
        State.Current(_loop) is { } themes ? themes.ToDto() : Problem.NotFound($"The political themes of {_loop} are not set."));

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
