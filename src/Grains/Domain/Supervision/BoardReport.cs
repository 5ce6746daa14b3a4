using System.Text.Json.Serialization;
using OrleansTilsyn.Grains.Domain.Calendar;

namespace OrleansTilsyn.Grains.Domain.Supervision;

/// <summary>
/// A self-owned daycare board's yearly supervision report and the chief's follow-up: review, then
/// accepted, or a meeting with the board when the data call for it.
/// </summary>
public sealed record BoardReport(BoardReportSlot Slot, BoardReportStatus Status)
{
    public string? SubmittedBy { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public DateOnly? ReviewDue { get; init; }

    public string? ReviewedBy { get; init; }

    public DateTimeOffset? ReviewedAt { get; init; }

    public string? ReviewNote { get; init; }

    public DateOnly? FollowUpDue { get; init; }

    public DateTimeOffset? FollowUpHeldAt { get; init; }

    /// <summary>The written report's follow-up in detail (receipt, review, meeting, history); null until the report is submitted.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SupervisionCase? Case { get; init; }

    [JsonIgnore]
    public int Year => Slot.Year;

    public bool IsOverdue(DateTimeOffset now) => Status == BoardReportStatus.Pending && DomainDates.IsOverdue(Slot.Due, now);
}
