using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Limits;

namespace OrleansTilsyn.Grains.Domain.Conversations;

/// <summary>Focus areas must lie within the political themes of the loop; depth before breadth, so at most five.</summary>
public static class FocusAreaRules
{
    public const int MaxAreas = 5;

    public static Result<ImmutableArray<FocusArea>> Validate(IReadOnlyList<FocusArea> areas, ThemeSet themes)
    {
        var v = new Violations();
        v.Require(areas.Count > 0, "focusAreas", "choose at least one local focus area");
        v.Require(areas.Count <= MaxAreas, "focusAreas", $"at most {MaxAreas} focus areas (depth before breadth)");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < areas.Count; i++)
        {
            var f = $"focusAreas[{i}]";
            v.RequireText(areas[i].Title, $"{f}.title", TextLimits.Name);
            if (string.IsNullOrWhiteSpace(areas[i].ThemeCode)) v.Add($"{f}.themeCode", "is required");
            else if (!themes.HasTheme(areas[i].ThemeCode)) v.Add($"{f}.themeCode", $"'{areas[i].ThemeCode}' is not a political theme of loop {themes.Loop}");
            if (!string.IsNullOrWhiteSpace(areas[i].Title) && !seen.Add($"{areas[i].ThemeCode}|{areas[i].Title.Trim()}"))
                v.Add($"{f}.title", "appears twice");
            v.Require(areas[i].Description is null || areas[i].Description!.Length <= TextLimits.Note, $"{f}.description", $"must be at most {TextLimits.Note} characters");
        }
        return v.ToResult<ImmutableArray<FocusArea>>("The focus areas are not valid.",
            () => [.. areas.Select(a => new FocusArea(a.ThemeCode.Trim(), a.Title.Trim(), a.Description?.Trim()))]);
    }
}
