using System.Collections.Immutable;

namespace OrleansTilsyn.Grains.Domain.Conversations;

/// <summary>A local focus area a unit chose at its first samtale, within one political theme.</summary>
public sealed record FocusArea(string ThemeCode, string Title, string? Description);

/// <summary>One attributed choice of focus areas; a later choice is a new version, the old ones are kept.</summary>
public sealed record FocusAreaSelection(int Version, ImmutableArray<FocusArea> Areas, string ChosenBy, DateTimeOffset ChosenAt);
