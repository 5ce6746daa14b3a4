using System.Collections.Immutable;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>Someone who took part: name and function as the minutes list them, and the role it counts as.</summary>
public sealed record ParticipantDto(string Name, string Function, ParticipantRole Role);

/// <summary>An agreed action: what, who owns it (a function), by when.</summary>
public sealed record AgreementDraftDto(string Action, string Owner, DateOnly Due);

/// <summary>The minutes of a læringssamtale along the learning circle.</summary>
public sealed record MinutesDto(
    ImmutableArray<ParticipantDto> Participants,
    ImmutableArray<DataBasisKind> DataBasis,
    ImmutableArray<string> DataPoints,
    ImmutableArray<string> PossibleNextSteps,
    DecisionKind DecisionKind,
    string Decision,
    ImmutableArray<AgreementDraftDto> Agreements,
    string? ClosingRemarks,
    string? ChildrenPerspective);

/// <summary>The record of a 1:1: a summary, leadership decisions, new agreements.</summary>
public sealed record OneToOneRecordDto(string Summary, ImmutableArray<string> Decisions, ImmutableArray<AgreementDraftDto> Agreements);

/// <summary>A self-owned board's written supervision report: the administration's three-part template.</summary>
public sealed record BoardReportContentDto(string BasicSupervision, string MunicipalGuidelines, string PedagogicalSupervision);

/// <summary>An agreement of the ledger; open ones carry forward to every next 1:1 and samtale until closed.</summary>
public sealed record AgreementDto(
    string Id,
    AgreementSourceKind SourceKind,
    string Source,
    string Action,
    string Owner,
    DateOnly Due,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    AgreementStatus Status,
    DateTimeOffset? ClosedAt,
    string? ClosedBy,
    string? ClosingNote,
    bool PastDue);

public sealed record AgendaPartDto(string Title, int Minutes);

/// <summary>A point of the samtale agenda; <see cref="RecordedAs"/> names the minutes field it goes into.</summary>
public sealed record AgendaItemDto(int Order, string Title, int Minutes, string Responsible, ImmutableArray<AgendaPartDto> Parts, string? RecordedAs);

public sealed record ParticipantRequirementDto(ParticipantRole Role, Attendance Attendance);

/// <summary>The board's written statement for a samtale (data of kind D).</summary>
public sealed record BoardStatementDto(string Text, string WrittenBy, DateTimeOffset WrittenAt);

/// <summary>What a samtale is prepared from.</summary>
public sealed record ConversationAgendaDto(
    ConversationDto Conversation,
    ConversationHolder Holder,
    ImmutableArray<AgendaItemDto> Items,
    ImmutableArray<ParticipantRequirementDto> RequiredParticipants,
    ImmutableArray<ThemeDto> Themes,
    ImmutableArray<FocusAreaDto> FocusAreas,
    ImmutableArray<BoardStatementDto> BoardStatements,
    ImmutableArray<AgreementDto> OpenAgreements);

/// <summary>The agenda of a 1:1: the common items, the unit's place in the data wheel, every open agreement.</summary>
public sealed record OneToOneAgendaDto(
    string Key,
    DateOnly Due,
    ImmutableArray<string> CommonItems,
    string? LatestRelease,
    string? NextConversation,
    DateOnly? NextWindowOpen,
    DateOnly? NextWindowClose,
    ImmutableArray<AgreementDto> OpenAgreements);
