using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Calendar;

namespace OrleansTilsyn.Grains.Domain.Organisation;

/// <summary>State of an age area: its theme sets per loop, every version kept. All sets belong to one area.</summary>
public sealed record AreaThemes
{
    public ImmutableArray<ThemeSet> History { get; init; } = [];

    public ThemeSet? Current(LoopId loop) =>
        History.Where(t => t.Loop == loop).OrderByDescending(t => t.Version).FirstOrDefault();

    /// <summary>Sets (or replaces, as a new version) the themes of a loop of this area.</summary>
    public Result<AreaThemes> SetThemes(LoopId loop, IReadOnlyList<PoliticalTheme> themes, string setBy, DateTimeOffset now)
    {
        if (!History.IsEmpty && History[0].Loop.Area != loop.Area)
            return Problem.Invalid("loop", $"loop {loop} is not in the {History[0].Loop.Area.Label()} area");
        var version = (Current(loop)?.Version ?? 0) + 1;
        return ThemeSet.Create(loop, version, themes, setBy, now).Map(set => this with { History = History.Add(set) });
    }
}
