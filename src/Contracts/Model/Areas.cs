using System.Collections.Immutable;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>The political themes of one loop of an age area, as decided with the quality report.</summary>
public sealed record ThemeSetDto(string Loop, int Version, ImmutableArray<ThemeDto> Themes, string SetBy, DateTimeOffset SetAt);

/// <summary>One unit's focus areas in a loop (version = how many times they were chosen).</summary>
public sealed record UnitFocusAreasDto(string Unit, string UnitName, Sector Sector, string Loop, int Version, ImmutableArray<FocusAreaDto> Areas);

public sealed record ThemeCountDto(string ThemeCode, int Units);

/// <summary>The overview of the local focus areas of all units of an area for the Børn og Unge committee.</summary>
public sealed record FocusAreaOverviewDto(
    string Loop,
    ImmutableArray<UnitFocusAreasDto> Entries,
    ImmutableArray<ThemeCountDto> UnitsPerTheme,
    ImmutableArray<string> UnitsWithoutFocusAreas,
    ImmutableArray<string> UnitsNotReached);

/// <summary>One unit's summing-up of a loop; Summary is null until submitted.</summary>
public sealed record UnitOpsamlingDto(string Unit, string UnitName, Sector Sector, string Loop, string? SubmittedBy, DateTimeOffset? SubmittedAt, string? Summary);

/// <summary>The end-of-loop summing-up of all units of an area, for the next quality report.</summary>
public sealed record OpsamlingOverviewDto(string Loop, ImmutableArray<UnitOpsamlingDto> Entries, int SummedUp, int Missing, ImmutableArray<string> UnitsNotReached);
