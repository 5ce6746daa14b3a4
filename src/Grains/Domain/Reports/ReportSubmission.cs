using System.Collections.Immutable;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>One immutable submitted version of a report: its answers, its receipt and the key it was sent with.</summary>
public sealed record ReportSubmission(SubmissionReceipt Receipt, ImmutableArray<Answer> Answers, string IdempotencyKey);
