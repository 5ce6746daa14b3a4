using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Limits;

namespace OrleansTilsyn.Grains.Domain.Organisation;

/// <summary>The political themes of one loop of one age area, as decided with the quality report.</summary>
public sealed record ThemeSet(LoopId Loop, int Version, ImmutableArray<PoliticalTheme> Themes, string SetBy, DateTimeOffset SetAt)
{
    public bool HasTheme(string code) => Themes.Any(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>Validates the themes (at least one, codes unique, titles present) and builds version <paramref name="version"/>.</summary>
    public static Result<ThemeSet> Create(LoopId loop, int version, IReadOnlyList<PoliticalTheme> themes, string setBy, DateTimeOffset now)
    {
        var v = new Violations();
        v.Require(themes.Count > 0, "themes", "at least one political theme is required");
        v.RequireAtMost(themes.Count, CollectionLimits.ThemesPerLoop, "themes", "political themes");
        v.RequireText(setBy, "setBy", TextLimits.Name);
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < themes.Count; i++)
        {
            v.RequireText(themes[i].Code, $"themes[{i}].code", TextLimits.Code);
            v.RequireText(themes[i].Title, $"themes[{i}].title", TextLimits.Name);
            if (!string.IsNullOrWhiteSpace(themes[i].Code) && !codes.Add(themes[i].Code.Trim()))
                v.Add($"themes[{i}].code", $"'{themes[i].Code}' appears twice");
        }
        return v.ToResult("The political themes are not valid.", () => new ThemeSet(
            loop, version, [.. themes.Select(t => new PoliticalTheme(t.Code.Trim(), t.Title.Trim()))], setBy, now));
    }
}
