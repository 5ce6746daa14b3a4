using System.Collections.Immutable;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>Someone who took part: name and function as the minutes list them, and the role it counts as.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.ParticipantDto")]
public sealed record ParticipantDto([Id(0)] string Name, [Id(1)] string Function, [Id(2)] ParticipantRole Role);

/// <summary>An agreed action: what, who owns it (a function), by when.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.AgreementDraftDto")]
public sealed record AgreementDraftDto([Id(0)] string Action, [Id(1)] string Owner, [Id(2)] DateOnly Due);

/// <summary>The minutes of a læringssamtale along the learning circle.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.MinutesDto")]
public sealed record MinutesDto(
    [Id(0)] ImmutableArray<ParticipantDto> Participants,
    [Id(1)] ImmutableArray<DataBasisKind> DataBasis,
    [Id(2)] ImmutableArray<string> DataPoints,
    [Id(3)] ImmutableArray<string> PossibleNextSteps,
    [Id(4)] DecisionKind DecisionKind,
    [Id(5)] string Decision,
    [Id(6)] ImmutableArray<AgreementDraftDto> Agreements,
    [Id(7)] string? ClosingRemarks,
    [Id(8)] string? ChildrenPerspective);

/// <summary>The record of a 1:1: a summary, leadership decisions, new agreements.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.OneToOneRecordDto")]
public sealed record OneToOneRecordDto([Id(0)] string Summary, [Id(1)] ImmutableArray<string> Decisions, [Id(2)] ImmutableArray<AgreementDraftDto> Agreements);

/// <summary>A self-owned board's written supervision report: the administration's three-part template.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.BoardReportContentDto")]
public sealed record BoardReportContentDto([Id(0)] string BasicSupervision, [Id(1)] string MunicipalGuidelines, [Id(2)] string PedagogicalSupervision);

/// <summary>An agreement of the ledger; open ones carry forward to every next 1:1 and samtale until closed.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.AgreementDto")]
public sealed record AgreementDto(
    [Id(0)] string Id,
    [Id(1)] AgreementSourceKind SourceKind,
    [Id(2)] string Source,
    [Id(3)] string Action,
    [Id(4)] string Owner,
    [Id(5)] DateOnly Due,
    [Id(6)] string CreatedBy,
    [Id(7)] DateTimeOffset CreatedAt,
    [Id(8)] AgreementStatus Status,
    [Id(9)] DateTimeOffset? ClosedAt,
    [Id(10)] string? ClosedBy,
    [Id(11)] string? ClosingNote,
    [Id(12)] bool PastDue);

[GenerateSerializer, Immutable, Alias("tilsyn.AgendaPartDto")]
public sealed record AgendaPartDto([Id(0)] string Title, [Id(1)] int Minutes);

/// <summary>A point of the samtale agenda; <see cref="RecordedAs"/> names the minutes field it goes into.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.AgendaItemDto")]
public sealed record AgendaItemDto([Id(0)] int Order, [Id(1)] string Title, [Id(2)] int Minutes, [Id(3)] string Responsible, [Id(4)] ImmutableArray<AgendaPartDto> Parts, [Id(5)] string? RecordedAs);

[GenerateSerializer, Immutable, Alias("tilsyn.ParticipantRequirementDto")]
public sealed record ParticipantRequirementDto([Id(0)] ParticipantRole Role, [Id(1)] Attendance Attendance);

/// <summary>The board's written statement for a samtale (data of kind D).</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.BoardStatementDto")]
public sealed record BoardStatementDto([Id(0)] string Text, [Id(1)] string WrittenBy, [Id(2)] DateTimeOffset WrittenAt);

/// <summary>What a samtale is prepared from.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.ConversationAgendaDto")]
public sealed record ConversationAgendaDto(
    [Id(0)] ConversationDto Conversation,
    [Id(1)] ConversationHolder Holder,
    [Id(2)] ImmutableArray<AgendaItemDto> Items,
    [Id(3)] ImmutableArray<ParticipantRequirementDto> RequiredParticipants,
    [Id(4)] ImmutableArray<ThemeDto> Themes,
    [Id(5)] ImmutableArray<FocusAreaDto> FocusAreas,
    [Id(6)] ImmutableArray<BoardStatementDto> BoardStatements,
    [Id(7)] ImmutableArray<AgreementDto> OpenAgreements);

/// <summary>The agenda of a 1:1: the common items, the unit's place in the data wheel, every open agreement.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.OneToOneAgendaDto")]
public sealed record OneToOneAgendaDto(
    [Id(0)] string Key,
    [Id(1)] DateOnly Due,
    [Id(2)] ImmutableArray<string> CommonItems,
    [Id(3)] string? LatestRelease,
    [Id(4)] string? NextConversation,
    [Id(5)] DateOnly? NextWindowOpen,
    [Id(6)] DateOnly? NextWindowClose,
    [Id(7)] ImmutableArray<AgreementDto> OpenAgreements);
