using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>
/// Proof of a submission: which report, which submitted version (1 = the submission, 2+ = corrections),
/// on which template version, by whom, when, and the SHA-256 of the answers' canonical form
/// (<see cref="ContentHash"/>). The same idempotency key always gets the same receipt back.
/// </summary>
public sealed record SubmissionReceipt(
    ReportId Report,
    int Version,
    TemplateRef Template,
    string SubmittedBy,
    DateTimeOffset SubmittedAt,
    string ContentHash)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CorrectionReason { get; init; }

    [JsonIgnore]
    public bool IsCorrection => Version > 1;
}
