using System.Collections.Immutable;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>The content of one document version: exactly one field is set, by the document's kind (Text: statements and opsamling).</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.DocumentContentDto")]
public sealed record DocumentContentDto(
    [Id(0)] MinutesDto? Minutes = null,
    [Id(1)] OneToOneRecordDto? OneToOneRecord = null,
    [Id(2)] BoardReportContentDto? BoardReport = null,
    [Id(3)] string? Text = null);

/// <summary>One immutable, attributed version; a correction is a new version with its reason.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.DocumentVersionDto")]
public sealed record DocumentVersionDto([Id(0)] int Version, [Id(1)] DocumentContentDto Content, [Id(2)] string WrittenBy, [Id(3)] DateTimeOffset WrittenAt, [Id(4)] string? CorrectionReason);

/// <summary>A written document of a unit's loop with every version, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.DocumentDto")]
public sealed record DocumentDto([Id(0)] string Unit, [Id(1)] DocumentKind Kind, [Id(2)] string Occurrence, [Id(3)] ImmutableArray<DocumentVersionDto> Versions);
