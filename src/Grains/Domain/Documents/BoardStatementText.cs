namespace OrleansTilsyn.Grains.Domain.Documents;

/// <summary>The board's written statement for a later samtale; it enters the samtale as data (kind D).</summary>
public sealed record BoardStatementText(string Text) : DocumentContent;
