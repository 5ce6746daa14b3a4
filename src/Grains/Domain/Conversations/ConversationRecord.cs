namespace OrleansTilsyn.Grains.Domain.Conversations;

/// <summary>
/// One immutable version of a samtale's minutes. Version 1 is the submission; later versions are
/// corrections with who, when and why. All versions are kept.
/// </summary>
public sealed record ConversationRecord(
    int Version,
    ConversationRecordDraft Content,
    string WrittenBy,
    DateTimeOffset WrittenAt,
    string? CorrectionReason);
