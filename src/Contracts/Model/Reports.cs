using System.Collections.Immutable;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>One option of a choice question.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.ChoiceOptionDto")]
public sealed record ChoiceOptionDto([Id(0)] string Id, [Id(1)] string Label);

/// <summary>A template question. Kind: YesNo, Text, Choice, Attachment; Explanation: WhenNo, WhenYes, Always, Optional.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.TemplateQuestionDto")]
public sealed record TemplateQuestionDto(
    [Id(0)] string Id,
    [Id(1)] string Text,
    [Id(2)] string Kind,
    [Id(3)] bool Required = true,
    [Id(4)] int MaxLength = 4000,
    [Id(5)] ImmutableArray<ChoiceOptionDto> Options = default,
    [Id(6)] string Explanation = "WhenNo");

[GenerateSerializer, Immutable, Alias("tilsyn.TemplateSectionDto")]
public sealed record TemplateSectionDto([Id(0)] string Id, [Id(1)] string Title, [Id(2)] ImmutableArray<TemplateQuestionDto> Questions);

/// <summary>What the administration publishes. Kind: SupervisionReport or BoardStatement.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.TemplateDefinitionDto")]
public sealed record TemplateDefinitionDto([Id(0)] string Title, [Id(1)] string Kind, [Id(2)] ImmutableArray<TemplateSectionDto> Sections);

/// <summary>A published, immutable template version.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.ReportTemplateDto")]
public sealed record ReportTemplateDto(
    [Id(0)] string Id,
    [Id(1)] int Version,
    [Id(2)] string Title,
    [Id(3)] string Kind,
    [Id(4)] ImmutableArray<TemplateSectionDto> Sections,
    [Id(5)] string PublishedBy,
    [Id(6)] DateTimeOffset PublishedAt);

/// <summary>The answer to one question: the field of the question's kind (plus an explanation for yes/no).</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.AnswerDto")]
public sealed record AnswerDto(
    [Id(0)] string Question,
    [Id(1)] bool? Yes = null,
    [Id(2)] string? Text = null,
    [Id(3)] string? Choice = null,
    [Id(4)] string? Attachment = null,
    [Id(5)] string? Explanation = null);

/// <summary>Proof of a submission (version 1) or correction (2+): time, submitter and SHA-256 of the content.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.ReceiptDto")]
public sealed record ReceiptDto(
    [Id(0)] string Report,
    [Id(1)] int Version,
    [Id(2)] string TemplateId,
    [Id(3)] int TemplateVersion,
    [Id(4)] string SubmittedBy,
    [Id(5)] DateTimeOffset SubmittedAt,
    [Id(6)] string ContentHash,
    [Id(7)] string? CorrectionReason);

/// <summary>A submission's answer: the receipt, and whether the idempotency key had been used already.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.SubmissionDto")]
public sealed record SubmissionDto([Id(0)] ReceiptDto Receipt, [Id(1)] bool Replayed);

/// <summary>One attributed draft save: how many answers it set and how many it cleared.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.DraftSaveDto")]
public sealed record DraftSaveDto([Id(0)] int Version, [Id(1)] string SavedBy, [Id(2)] DateTimeOffset SavedAt, [Id(3)] int Set, [Id(4)] int Cleared);

/// <summary>One immutable submitted version.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.SubmittedVersionDto")]
public sealed record SubmittedVersionDto([Id(0)] ReceiptDto Receipt, [Id(1)] ImmutableArray<AnswerDto> Answers);

/// <summary>
/// A written report (id "unit-1/tilsyn/2023"): the draft as last saved (where the board resumes), the
/// save history and the submitted versions. Purpose: Supervision, ConversationStatement, QualityReportStatement.
/// Stage: Draft, Submitted, Corrected.
/// </summary>
[GenerateSerializer, Immutable, Alias("tilsyn.ReportDto")]
public sealed record ReportDto(
    [Id(0)] string Id,
    [Id(1)] string Unit,
    [Id(2)] string Purpose,
    [Id(3)] string Occasion,
    [Id(4)] string TemplateId,
    [Id(5)] int TemplateVersion,
    [Id(6)] string Stage,
    [Id(7)] string StartedBy,
    [Id(8)] DateTimeOffset StartedAt,
    [Id(9)] int DraftVersion,
    [Id(10)] ImmutableArray<AnswerDto> Answers,
    [Id(11)] ImmutableArray<DraftSaveDto> Saves,
    [Id(12)] ImmutableArray<SubmittedVersionDto> Submissions);

/// <summary>A report's progress without content (operations).</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.ReportStatusDto")]
public sealed record ReportStatusDto(
    [Id(0)] string Id,
    [Id(1)] string TemplateId,
    [Id(2)] int TemplateVersion,
    [Id(3)] string Stage,
    [Id(4)] int DraftVersion,
    [Id(5)] DateTimeOffset? SubmittedAt,
    [Id(6)] int Corrections);

/// <summary>One attributed step of a supervision case.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.SupervisionCaseEventDto")]
public sealed record SupervisionCaseEventDto([Id(0)] string Kind, [Id(1)] string By, [Id(2)] DateTimeOffset At, [Id(3)] string? Detail);

/// <summary>
/// The chief's follow-up on a submitted supervision report. Stage: AwaitingReview, Accepted,
/// FollowUpRequired, MeetingScheduled, MeetingHeld, Closed. Decision: Accept, FollowUpMeeting.
/// </summary>
[GenerateSerializer, Immutable, Alias("tilsyn.SupervisionCaseDto")]
public sealed record SupervisionCaseDto(
    [Id(0)] string Report,
    [Id(1)] int Year,
    [Id(2)] string Stage,
    [Id(3)] ReceiptDto Submission,
    [Id(4)] string? Decision,
    [Id(5)] string? Reason,
    [Id(6)] string? DataPackagePeriod,
    [Id(7)] int? DataPackageVersion,
    [Id(8)] int? ReviewedVersion,
    [Id(9)] DateTimeOffset? MeetingScheduledFor,
    [Id(10)] DateTimeOffset? MeetingHeldAt,
    [Id(11)] string? MeetingNotes,
    [Id(12)] ImmutableArray<string> MeetingAttendees,
    [Id(13)] string? Conclusion,
    [Id(14)] ImmutableArray<SupervisionCaseEventDto> History);
