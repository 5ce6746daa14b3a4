namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>
/// A submission's result: the report to store and its receipt. <see cref="Replayed"/> is true when the
/// idempotency key had been used already; then nothing changed and nothing needs writing.
/// </summary>
public sealed record SubmissionOutcome(WrittenReport Report, SubmissionReceipt Receipt, bool Replayed);
