using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OrleansTilsyn.Grains.Domain.Reports;

namespace OrleansTilsyn.Grains.Domain.Supervision;

/// <summary>
/// The chief's follow-up on one submitted supervision report (rammen, bilag 2: "Børn og Unge-chefens
/// opfølgning består af bestyrelsens skriftlige afrapportering samt data fra fællesfunktionerne"):
/// review, then accepted, or a meeting with the board that is scheduled, held and recorded, then closed.
/// <see cref="Submission"/> is the receipt of the version in force (a correction replaces it here;
/// the report keeps every version).
/// </summary>
public sealed record SupervisionCase(SubmissionReceipt Submission)
{
    public SupervisionCaseStage Stage { get; init; } = SupervisionCaseStage.AwaitingReview;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReviewDecision? Decision { get; init; }

    /// <summary>Why a meeting is needed, or the chief's note on acceptance.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DataPackageRef? DataPackage { get; init; }

    /// <summary>The submitted version the review was made on.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ReviewedVersion { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FollowUpMeeting? Meeting { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Conclusion { get; init; }

    public ImmutableArray<SupervisionCaseEvent> History { get; init; } = [];

    [JsonIgnore]
    public bool IsClosed => Stage is SupervisionCaseStage.Accepted or SupervisionCaseStage.Closed;

    /// <summary>The loop's coarser status for this stage (what <see cref="BoardReport.Status"/> should say).</summary>
    [JsonIgnore]
    public BoardReportStatus LoopStatus => Stage switch
    {
        SupervisionCaseStage.AwaitingReview => BoardReportStatus.Submitted,
        SupervisionCaseStage.Accepted => BoardReportStatus.Accepted,
        SupervisionCaseStage.FollowUpRequired or SupervisionCaseStage.MeetingScheduled => BoardReportStatus.FollowUpRequired,
        _ => BoardReportStatus.FollowUpHeld,
    };

    internal SupervisionCase Then(SupervisionCaseEventKind kind, string by, DateTimeOffset at, string? detail) =>
        this with { History = History.Add(new(kind, by, at) { Detail = detail }) };
}
