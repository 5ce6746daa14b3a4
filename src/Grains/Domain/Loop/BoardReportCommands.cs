using System.Globalization;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Documents;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Supervision;
using OrleansTilsyn.Grains.Domain.Tasks;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>A self-owned board's written supervision report: submit, chief review, follow-up meeting when needed.</summary>
public static class BoardReportCommands
{
    public static Result<LoopOutcome> Submit(UnitLoopState s, int year, BoardReportContent content, Actor by, DateTimeOffset now)
    {
        if (Find(s, by, year, Party.Board, "submit the board's supervision report", out var b) is { } problem) return problem;
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
        if (Find(s, by, year, Party.Chief, "review the board's supervision report", out var b) is { } problem) return problem;
        if (b.Status != BoardReportStatus.Submitted) return Problem.FailedPrecondition($"The board report {year} is {b.Status}, not awaiting review.");
        if (followUpRequired && string.IsNullOrWhiteSpace(note)) return Problem.Invalid("note", "say what the follow-up meeting is about");
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
        if (Find(s, by, year, Party.Chief, "hold the follow-up meeting with the board", out var b) is { } problem) return problem;
        if (b.Status != BoardReportStatus.FollowUpRequired) return Problem.FailedPrecondition($"The board report {year} needs no follow-up meeting now.");
        if (heldAt > now) return Problem.Invalid("heldAt", "cannot be in the future");
        var change = new LoopChange(s.With(b with { Status = BoardReportStatus.FollowUpHeld, FollowUpHeldAt = heldAt }), now);
        change.CloseAll(TaskKind.HoldBoardFollowUpMeeting, Key(year), by.ToString());
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
