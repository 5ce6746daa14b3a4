using System.Collections.Immutable;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>The content of one document version: exactly one field is set, by the document's kind (Text: statements and opsamling).</summary>
public sealed record DocumentContentDto(
    MinutesDto? Minutes = null,
    OneToOneRecordDto? OneToOneRecord = null,
    BoardReportContentDto? BoardReport = null,
    string? Text = null);

/// <summary>One immutable, attributed version; a correction is a new version with its reason.</summary>
public sealed record DocumentVersionDto(int Version, DocumentContentDto Content, string WrittenBy, DateTimeOffset WrittenAt, string? CorrectionReason);

/// <summary>A written document of a unit's loop with every version, oldest first.</summary>
public sealed record DocumentDto(string Unit, DocumentKind Kind, string Occurrence, ImmutableArray<DocumentVersionDto> Versions);
