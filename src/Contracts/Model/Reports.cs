using System.Collections.Immutable;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>One option of a choice question.</summary>
public sealed record ChoiceOptionDto(string Id, string Label);

/// <summary>A template question. Kind: YesNo, Text, Choice, Attachment; Explanation: WhenNo, WhenYes, Always, Optional.</summary>
public sealed record TemplateQuestionDto(
    string Id,
    string Text,
    string Kind,
    bool Required = true,
    int MaxLength = 4000,
    ImmutableArray<ChoiceOptionDto> Options = default,
    string Explanation = "WhenNo");

public sealed record TemplateSectionDto(string Id, string Title, ImmutableArray<TemplateQuestionDto> Questions);

/// <summary>What the administration publishes. Kind: SupervisionReport or BoardStatement.</summary>
public sealed record TemplateDefinitionDto(string Title, string Kind, ImmutableArray<TemplateSectionDto> Sections);

/// <summary>A published, immutable template version.</summary>
public sealed record ReportTemplateDto(
    string Id,
    int Version,
    string Title,
    string Kind,
    ImmutableArray<TemplateSectionDto> Sections,
    string PublishedBy,
    DateTimeOffset PublishedAt);

/// <summary>The answer to one question: the field of the question's kind (plus an explanation for yes/no).</summary>
public sealed record AnswerDto(
    string Question,
    bool? Yes = null,
    string? Text = null,
    string? Choice = null,
    string? Attachment = null,
    string? Explanation = null);

/// <summary>Proof of a submission (version 1) or correction (2+): time, submitter and SHA-256 of the content.</summary>
public sealed record ReceiptDto(
    string Report,
    int Version,
    string TemplateId,
    int TemplateVersion,
    string SubmittedBy,
    DateTimeOffset SubmittedAt,
    string ContentHash,
    string? CorrectionReason);

/// <summary>A submission's answer: the receipt, and whether the idempotency key had been used already.</summary>
public sealed record SubmissionDto(ReceiptDto Receipt, bool Replayed);

/// <summary>One attributed draft save: how many answers it set and how many it cleared.</summary>
public sealed record DraftSaveDto(int Version, string SavedBy, DateTimeOffset SavedAt, int Set, int Cleared);

/// <summary>One immutable submitted version.</summary>
public sealed record SubmittedVersionDto(ReceiptDto Receipt, ImmutableArray<AnswerDto> Answers);

/// <summary>
/// A written report (id "unit-1/tilsyn/2023"): the draft as last saved (where the board resumes), the
/// save history and the submitted versions. Purpose: Supervision, ConversationStatement, QualityReportStatement.
/// Stage: Draft, Submitted, Corrected.
/// </summary>
public sealed record ReportDto(
    string Id,
    string Unit,
    string Purpose,
    string Occasion,
    string TemplateId,
    int TemplateVersion,
    string Stage,
    string StartedBy,
    DateTimeOffset StartedAt,
    int DraftVersion,
    ImmutableArray<AnswerDto> Answers,
    ImmutableArray<DraftSaveDto> Saves,
    ImmutableArray<SubmittedVersionDto> Submissions);

/// <summary>A report's progress without content (operations).</summary>
public sealed record ReportStatusDto(
    string Id,
    string TemplateId,
    int TemplateVersion,
    string Stage,
    int DraftVersion,
    DateTimeOffset? SubmittedAt,
    int Corrections);

/// <summary>One attributed step of a supervision case.</summary>
public sealed record SupervisionCaseEventDto(string Kind, string By, DateTimeOffset At, string? Detail);

/// <summary>
/// The chief's follow-up on a submitted supervision report. Stage: AwaitingReview, Accepted,
/// FollowUpRequired, MeetingScheduled, MeetingHeld, Closed. Decision: Accept, FollowUpMeeting.
/// </summary>
public sealed record SupervisionCaseDto(
    string Report,
    int Year,
    string Stage,
    ReceiptDto Submission,
    string? Decision,
    string? Reason,
    string? DataPackagePeriod,
    int? DataPackageVersion,
    int? ReviewedVersion,
    DateTimeOffset? MeetingScheduledFor,
    DateTimeOffset? MeetingHeldAt,
    string? MeetingNotes,
    ImmutableArray<string> MeetingAttendees,
    string? Conclusion,
    ImmutableArray<SupervisionCaseEventDto> History);
