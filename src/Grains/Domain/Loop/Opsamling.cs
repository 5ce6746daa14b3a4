namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>That a loop's local work was summed up, by whom and when; the text is an <see cref="OpsamlingText"/> document.</summary>
public sealed record Opsamling(string SubmittedBy, DateTimeOffset SubmittedAt);
