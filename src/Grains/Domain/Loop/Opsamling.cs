namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>The summing-up of a loop's local work; it goes into the next quality report.</summary>
public sealed record Opsamling(string Summary, string SubmittedBy, DateTimeOffset SubmittedAt);
