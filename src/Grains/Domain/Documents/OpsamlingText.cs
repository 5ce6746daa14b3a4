namespace OrleansTilsyn.Grains.Domain.Documents;

/// <summary>The summing-up of a loop's local work; it goes into the next quality report.</summary>
public sealed record OpsamlingText(string Summary) : DocumentContent;
