namespace OrleansTilsyn.Grains.Domain.Documents;

/// <summary>What a document holds: minutes, a 1:1 record, a board report or a board statement.</summary>
public abstract record DocumentContent;

/// <summary>
/// One immutable version of a written document of the loop. Transitions return it as an effect;
/// the unit grain hands it to the document's own record grain, so content never sits in the loop state.
/// </summary>
public sealed record LoopDocument(
    DocumentKind Kind,
    string Occurrence,
    int Version,
    DocumentContent Content,
    string WrittenBy,
    DateTimeOffset WrittenAt,
    string? CorrectionReason = null)
{
    /// <summary>The record grain key of this document for a unit: "{unit}/{kind}/{occurrence}".</summary>
    public static string KeyOf(string unit, DocumentKind kind, string occurrence) => $"{unit}/{kind}/{occurrence}";
}
