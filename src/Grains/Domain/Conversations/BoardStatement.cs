namespace OrleansTilsyn.Grains.Domain.Conversations;

/// <summary>The board's written statement for a later samtale; it enters the samtale as data (kind D).</summary>
public sealed record BoardStatement(string Text, string SubmittedBy, DateTimeOffset SubmittedAt);
