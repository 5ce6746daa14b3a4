using System.Collections.Immutable;
using System.Globalization;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Documents;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Reports;
using OrleansTilsyn.Grains.Domain.Supervision;
using OrleansTilsyn.Grains.Domain.Tasks;
using OrleansTilsyn.Grains.Domain.Limits;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>A self-owned board's written supervision report: submit, chief review, follow-up meeting when needed.</summary>
public static class BoardReportCommands
{
    public static Result<LoopOutcome> Submit(UnitLoopState s, int year, BoardReportContent content, Actor by, DateTimeOffset now)
    {
        if (Find(s, by, year, UnitPermissions.SubmitBoardReport, "submit the board's supervision report", out var b) is { } problem) return problem;
        if (b.Status == BoardReportStatus.BeforeTracking) return Problem.FailedPrecondition($"The board report {year} was due before tracking started.");
        if (b.Status != BoardReportStatus.Pending) return Problem.AlreadyExists($"The board report {year} is already {b.Status}.");
        var violations = content.Validate();
        if (violations.Count > 0) return Problem.Invalid($"The board report {year} is not complete.", violations);
        var reviewDue = s.Calendar.ChiefReviewDue(DomainDates.DayOf(now));
        var change = new LoopChange(s.With(b with
        {
            Status = BoardReportStatus.Submitted, SubmittedBy = by.ToString(), SubmittedAt = now, ReviewDue = reviewDue,
        }), now);
        change.Write(new LoopDocument(DocumentKind.BoardReport, Key(year), 1, content, by.ToString(), now));
        change.CloseAll(TaskKind.SubmitBoardReport, Key(year), by.ToString());
        change.Raise(TaskKind.ReviewBoardReport, Key(year), AssigneeRole.Chief, reviewDue);
        return change.Done();
    }

    /// <summary>The chief's review: accepted, or a meeting with the board because the data call for further follow-up.</summary>
    public static Result<LoopOutcome> Review(UnitLoopState s, int year, bool followUpRequired, string? note, Actor by, DateTimeOffset now)
    {
        if (Find(s, by, year, UnitPermissions.ReviewBoardReport, "review the board's supervision report", out var b) is { } problem) return problem;
        if (b.Status != BoardReportStatus.Submitted) return Problem.FailedPrecondition($"The board report {year} is {b.Status}, not awaiting review.");
        if (followUpRequired && string.IsNullOrWhiteSpace(note)) return Problem.Invalid("note", "say what the follow-up meeting is about");
        if (note?.Length > TextLimits.Note) return Problem.Invalid("note", $"must be at most {TextLimits.Note} characters");
        var followUpDue = followUpRequired ? DomainDates.DayOf(now).AddDays(s.Settings.FollowUpMeetingDays) : (DateOnly?)null;
        var change = new LoopChange(s.With(b with
        {
            Status = followUpRequired ? BoardReportStatus.FollowUpRequired : BoardReportStatus.Accepted,
            ReviewedBy = by.ToString(), ReviewedAt = now, ReviewNote = note?.Trim(), FollowUpDue = followUpDue,
        }), now);
        change.CloseAll(TaskKind.ReviewBoardReport, Key(year), by.ToString());
        if (followUpDue is { } due) change.Raise(TaskKind.HoldBoardFollowUpMeeting, Key(year), AssigneeRole.Chief, due);
        return change.Done();
    }

    public static Result<LoopOutcome> HoldFollowUpMeeting(UnitLoopState s, int year, DateTimeOffset heldAt, Actor by, DateTimeOffset now)
    {
        if (Find(s, by, year, UnitPermissions.ReviewBoardReport, "hold the follow-up meeting with the board", out var b) is { } problem) return problem;
        if (b.Status != BoardReportStatus.FollowUpRequired) return Problem.FailedPrecondition($"The board report {year} needs no follow-up meeting now.");
        if (heldAt > now) return Problem.Invalid("heldAt", "cannot be in the future");
        var change = new LoopChange(s.With(b with { Status = BoardReportStatus.FollowUpHeld, FollowUpHeldAt = heldAt }), now);
        change.CloseAll(TaskKind.HoldBoardFollowUpMeeting, Key(year), by.ToString());
        return change.Done();
    }

    /// <summary>
    /// The written report was submitted (the report grain checked the board): the loop records the
    /// receipt, opens the chief's case and raises the review. Repeating it, or a receipt older than
    /// the case's, changes nothing; a correction moves the case to the corrected version.
    /// </summary>
    public static Result<LoopOutcome> Submitted(UnitLoopState s, SubmissionReceipt receipt, DateTimeOffset now)
    {
        var year = int.Parse(receipt.Report.Occasion, CultureInfo.InvariantCulture);
        if (!s.Unit.SelfOwned) return Problem.FailedPrecondition($"Unit {s.Unit.Id} is not self-owned; its board does not report in writing.");
        if (s.FindBoardReport(year) is not { } b) return Problem.NotFound($"Loop {s.Loop} has no board report for {year}.");
        var change = new LoopChange(s, now);
        if (b.Case is { } open)
        {
            if (receipt.IsCorrection && receipt.Version > open.Submission.Version)
                change.State = s.With(b with { Case = SupervisionCaseCommands.Corrected(open, receipt) });
            return change.Done();
        }

        if (receipt.IsCorrection) return Problem.FailedPrecondition($"The loop has not seen the submission of {receipt.Report}.");
        var reviewDue = s.Calendar.ChiefReviewDue(DomainDates.DayOf(receipt.SubmittedAt));
        change.State = s.With(b with
        {
            Status = BoardReportStatus.Submitted, SubmittedBy = receipt.SubmittedBy, SubmittedAt = receipt.SubmittedAt, ReviewDue = reviewDue,
            Case = SupervisionCaseCommands.Open(receipt),
        });
        change.CloseAll(TaskKind.SubmitBoardReport, Key(year), receipt.SubmittedBy);
        change.Raise(TaskKind.ReviewBoardReport, Key(year), AssigneeRole.Chief, reviewDue);
        return change.Done();
    }

    /// <summary>The chief's review of the written report beside the unit's latest data package.</summary>
    public static Result<LoopOutcome> ReviewCase(
        UnitLoopState s, int year, ReviewDecision decision, string? reason, DataPackageRef? dataPackage, Actor by, DateTimeOffset now) =>
        Step(s, year, by, now, c => SupervisionCaseCommands.Review(c, s.Unit, decision, reason, dataPackage, by, now), (change, b, c) =>
        {
            change.CloseAll(TaskKind.ReviewBoardReport, Key(year), by.ToString());
            var followUpDue = c.Stage == SupervisionCaseStage.FollowUpRequired ? DomainDates.DayOf(now).AddDays(s.Settings.FollowUpMeetingDays) : (DateOnly?)null;
            if (followUpDue is { } due) change.Raise(TaskKind.ScheduleBoardFollowUpMeeting, Key(year), AssigneeRole.Chief, due);
            return b with { ReviewedBy = by.ToString(), ReviewedAt = now, ReviewNote = c.Reason, FollowUpDue = followUpDue };
        });

    /// <summary>
    /// The meeting goes in the calendar: the schedule task closes and the chief is to hold it by the
    /// later of the meeting day and the follow-up deadline (moving the meeting moves that task).
    /// </summary>
    public static Result<LoopOutcome> ScheduleCaseMeeting(UnitLoopState s, int year, DateTimeOffset at, Actor by, DateTimeOffset now) =>
        Step(s, year, by, now, c => SupervisionCaseCommands.ScheduleMeeting(c, s.Unit, at, by, now), (change, b, _) =>
        {
            change.CloseAll(TaskKind.ScheduleBoardFollowUpMeeting, Key(year), by.ToString());
            var meetingDay = DomainDates.DayOf(at);
            var holdDue = b.FollowUpDue is { } deadline && deadline > meetingDay ? deadline : meetingDay;
            change.Raise(TaskKind.HoldBoardFollowUpMeeting, Key(year), AssigneeRole.Chief, holdDue);
            change.Move(TaskKind.HoldBoardFollowUpMeeting, Key(year), AssigneeRole.Chief, holdDue);
            return b;
        });

    /// <summary>The meeting is recorded: its tasks close and the chief is to close the case within the minutes deadline.</summary>
    public static Result<LoopOutcome> RecordCaseMeeting(
        UnitLoopState s, int year, DateTimeOffset heldAt, string notes, ImmutableArray<string> attendees, Actor by, DateTimeOffset now) =>
        Step(s, year, by, now, c => SupervisionCaseCommands.RecordMeeting(c, s.Unit, heldAt, notes, attendees, by, now), (change, b, _) =>
        {
            change.CloseAll(TaskKind.ScheduleBoardFollowUpMeeting, Key(year), by.ToString());
            change.CloseAll(TaskKind.HoldBoardFollowUpMeeting, Key(year), by.ToString());
            change.Raise(TaskKind.CloseSupervisionCase, Key(year), AssigneeRole.Chief, DomainDates.DayOf(now).AddDays(s.Settings.MinutesDueDays));
            return b with { FollowUpHeldAt = heldAt };
        });

    public static Result<LoopOutcome> CloseCase(UnitLoopState s, int year, string? conclusion, Actor by, DateTimeOffset now) =>
        Step(s, year, by, now, c => SupervisionCaseCommands.Close(c, s.Unit, conclusion, by, now), (change, b, _) =>
        {
            change.CloseAll(TaskKind.CloseSupervisionCase, Key(year), by.ToString());
            return b;
        });

    /// <summary>
    /// The board's submit task went overdue: the chief gets an overdue task of the same kind to chase the
    /// report (closed with the board's when the report comes in).
    /// </summary>
    internal static void BoardTaskOverdue(LoopChange change, int year)
    {
        if (change.State.FindBoardReport(year) is not { Status: BoardReportStatus.Pending } b) return;
        change.Raise(TaskKind.SubmitBoardReport, Key(year), AssigneeRole.Chief, b.Slot.Due);
    }

    private static Result<LoopOutcome> Step(
        UnitLoopState s, int year, Actor by, DateTimeOffset now,
        Func<SupervisionCase, Result<SupervisionCase>> step, Func<LoopChange, BoardReport, SupervisionCase, BoardReport> loop)
    {
        if (Find(s, by, year, UnitPermissions.ReviewBoardReport, "follow up on the board's supervision report", out var b) is { } problem) return problem;
        if (b.Case is not { } c) return Problem.FailedPrecondition($"The board has not submitted its written supervision report {year}.");
        var next = step(c);
        if (!next.IsSuccess) return next.Problem;
        var change = new LoopChange(s, now);
        var updated = loop(change, b, next.Value) with { Case = next.Value, Status = next.Value.LoopStatus };
        change.State = change.State.With(updated);
        return change.Done();
    }

    private static string Key(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static Problem? Find(UnitLoopState s, Actor by, int year, Party parties, string action, out BoardReport b)
    {
        b = s.FindBoardReport(year)!;
        if (LoopPermissions.Check(s.Unit, by, parties, action) is { } denied) return denied;
        if (!s.Unit.SelfOwned) return Problem.FailedPrecondition($"Unit {s.Unit.Id} is not self-owned; its board does not report in writing.");
        return b is null ? Problem.NotFound($"Loop {s.Loop} has no board report for {year}.") : null;
    }
}
