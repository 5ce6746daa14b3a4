namespace OrleansTilsyn.Grains.Domain.Organisation;

/// <summary>A theme of the quality report that the city council decided units work on in a loop.</summary>
public sealed record PoliticalTheme(string Code, string Title);
