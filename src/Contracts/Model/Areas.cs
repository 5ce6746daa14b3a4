using System.Collections.Immutable;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>The political themes of one loop of an age area, as decided with the quality report.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.ThemeSetDto")]
public sealed record ThemeSetDto([Id(0)] string Loop, [Id(1)] int Version, [Id(2)] ImmutableArray<ThemeDto> Themes, [Id(3)] string SetBy, [Id(4)] DateTimeOffset SetAt);

/// <summary>One unit's focus areas in a loop (version = how many times they were chosen).</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.UnitFocusAreasDto")]
public sealed record UnitFocusAreasDto([Id(0)] string Unit, [Id(1)] string UnitName, [Id(2)] Sector Sector, [Id(3)] string Loop, [Id(4)] int Version, [Id(5)] ImmutableArray<FocusAreaDto> Areas);

[GenerateSerializer, Immutable, Alias("tilsyn.ThemeCountDto")]
public sealed record ThemeCountDto([Id(0)] string ThemeCode, [Id(1)] int Units);

/// <summary>The overview of the local focus areas of all units of an area for the Børn og Unge committee.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.FocusAreaOverviewDto")]
public sealed record FocusAreaOverviewDto(
    [Id(0)] string Loop,
    [Id(1)] ImmutableArray<UnitFocusAreasDto> Entries,
    [Id(2)] ImmutableArray<ThemeCountDto> UnitsPerTheme,
    [Id(3)] ImmutableArray<string> UnitsWithoutFocusAreas,
    [Id(4)] ImmutableArray<string> UnitsNotReached);

/// <summary>One unit's summing-up of a loop; Summary is null until submitted.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.UnitOpsamlingDto")]
public sealed record UnitOpsamlingDto([Id(0)] string Unit, [Id(1)] string UnitName, [Id(2)] Sector Sector, [Id(3)] string Loop, [Id(4)] string? SubmittedBy, [Id(5)] DateTimeOffset? SubmittedAt, [Id(6)] string? Summary);

/// <summary>The end-of-loop summing-up of all units of an area, for the next quality report.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.OpsamlingOverviewDto")]
public sealed record OpsamlingOverviewDto([Id(0)] string Loop, [Id(1)] ImmutableArray<UnitOpsamlingDto> Entries, [Id(2)] int SummedUp, [Id(3)] int Missing, [Id(4)] ImmutableArray<string> UnitsNotReached);
