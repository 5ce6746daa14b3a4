using System.Collections.Immutable;
using System.Globalization;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Limits;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Reports;

namespace OrleansTilsyn.Grains.Domain.Supervision;

/// <summary>
/// The chief's follow-up steps, each an attributed event in the case history. They sit beside
/// <c>BoardReportCommands</c> (which keeps the loop's status and tasks): see <see cref="SupervisionCase.LoopStatus"/>.
/// </summary>
public static class SupervisionCaseCommands
{
    public const int MaxNote = 4000;
    public const int MaxMeetingNotes = 20000;
    public const int MaxFunction = 100;

    /// <summary>A case opens when the board's report is submitted (the submitter and time from the receipt).</summary>
    public static SupervisionCase Open(SubmissionReceipt receipt)
    {
        if (receipt.Report.Purpose != ReportPurpose.Supervision || receipt.IsCorrection)
            throw new DomainInvariantException($"A supervision case opens on the first submission of a supervision report, not {receipt.Report} v{receipt.Version}.");
        return new SupervisionCase(receipt).Then(SupervisionCaseEventKind.Submitted, receipt.SubmittedBy, receipt.SubmittedAt, receipt.ContentHash);
    }

    /// <summary>
    /// A correction the board submitted: the case now follows that version. The stage is kept; a
    /// correction after the review is in the history for the chief to see. Repeating it changes nothing.
    /// </summary>
    public static SupervisionCase Corrected(SupervisionCase c, SubmissionReceipt correction)
    {
        if (correction.Report != c.Submission.Report || !correction.IsCorrection)
            throw new DomainInvariantException($"{correction.Report} v{correction.Version} is not a correction of {c.Submission.Report}.");
        if (correction.Version <= c.Submission.Version) return c;
        return (c with { Submission = correction })
            .Then(SupervisionCaseEventKind.Corrected, correction.SubmittedBy, correction.SubmittedAt, correction.CorrectionReason);
    }

    /// <summary>The chief reviews the version in force beside a data package: accept (note optional) or require a meeting (reason required).</summary>
    public static Result<SupervisionCase> Review(
        SupervisionCase c, Unit unit, ReviewDecision decision, string? reason, DataPackageRef? dataPackage, Actor by, DateTimeOffset now)
    {
        if (Check(c, unit, by, "review the board's supervision report") is { } denied) return denied;
        if (c.Stage != SupervisionCaseStage.AwaitingReview) return Problem.FailedPrecondition($"The report {c.Submission.Report} is {c.Stage}, not awaiting review.");
        var v = new Violations().Require(Enum.IsDefined(decision), "decision", "unknown decision");
        if (decision == ReviewDecision.FollowUpMeeting) v.RequireText(reason, "reason", MaxNote);
        else v.Require(reason is null || reason.Length <= MaxNote, "reason", $"must be at most {MaxNote} characters");
        if (v.Any) return v.ToProblem("The review is not complete.");
        var note = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var accepted = decision == ReviewDecision.Accept;
        return (c with
        {
            Stage = accepted ? SupervisionCaseStage.Accepted : SupervisionCaseStage.FollowUpRequired,
            Decision = decision, Reason = note, DataPackage = dataPackage, ReviewedVersion = c.Submission.Version,
        }).Then(accepted ? SupervisionCaseEventKind.Accepted : SupervisionCaseEventKind.FollowUpRequired, by.ToString(), now, note);
    }

    /// <summary>Plans the meeting with the board (again, to move it, until it is held).</summary>
    public static Result<SupervisionCase> ScheduleMeeting(SupervisionCase c, Unit unit, DateTimeOffset at, Actor by, DateTimeOffset now)
    {
        if (Check(c, unit, by, "schedule the follow-up meeting") is { } denied) return denied;
        if (c.Stage is not (SupervisionCaseStage.FollowUpRequired or SupervisionCaseStage.MeetingScheduled))
            return Problem.FailedPrecondition($"The report {c.Submission.Report} is {c.Stage}; no meeting to schedule.");
        if (at < now) return Problem.Invalid("at", "a meeting is scheduled for a time still to come");
        var kind = c.Meeting is null ? SupervisionCaseEventKind.MeetingScheduled : SupervisionCaseEventKind.MeetingRescheduled;
        return (c with { Stage = SupervisionCaseStage.MeetingScheduled, Meeting = new FollowUpMeeting(at) })
            .Then(kind, by.ToString(), now, at.ToString("O", CultureInfo.InvariantCulture));
    }

    /// <summary>Records the meeting as held: when, notes, attendees by function. Also possible without a prior schedule.</summary>
    public static Result<SupervisionCase> RecordMeeting(
        SupervisionCase c, Unit unit, DateTimeOffset heldAt, string notes, ImmutableArray<string> attendees, Actor by, DateTimeOffset now)
    {
        if (Check(c, unit, by, "record the follow-up meeting") is { } denied) return denied;
        if (c.Stage is not (SupervisionCaseStage.FollowUpRequired or SupervisionCaseStage.MeetingScheduled))
            return Problem.FailedPrecondition($"The report {c.Submission.Report} is {c.Stage}; no meeting to record.");
        attendees = attendees.IsDefault ? [] : attendees;
        var v = new Violations()
            .Require(heldAt <= now, "heldAt", "cannot be in the future")
            .RequireText(notes, "notes", MaxMeetingNotes)
            .Require(attendees.Length > 0, "attendees", "name at least one attendee by function");
        v.RequireAtMost(attendees.Length, CollectionLimits.ParticipantsPerRecord, "attendees", "attendees");
        for (var i = 0; i < attendees.Length; i++) v.RequireText(attendees[i], $"attendees[{i}]", MaxFunction);
        if (v.Any) return v.ToProblem("The meeting record is not complete.");
        var meeting = (c.Meeting ?? new FollowUpMeeting(null)) with
        {
            HeldAt = heldAt, Notes = notes.Trim(), Attendees = [.. attendees.Select(a => a.Trim())],
        };
        return (c with { Stage = SupervisionCaseStage.MeetingHeld, Meeting = meeting })
            .Then(SupervisionCaseEventKind.MeetingHeld, by.ToString(), now, heldAt.ToString("O", CultureInfo.InvariantCulture));
    }

    /// <summary>Closes the case after the meeting, with an optional conclusion.</summary>
    public static Result<SupervisionCase> Close(SupervisionCase c, Unit unit, string? conclusion, Actor by, DateTimeOffset now)
    {
        if (Check(c, unit, by, "close the supervision case") is { } denied) return denied;
        if (c.Stage != SupervisionCaseStage.MeetingHeld)
            return Problem.FailedPrecondition($"The report {c.Submission.Report} is {c.Stage}; a case closes after the follow-up meeting is held.");
        if (conclusion?.Length > MaxNote) return Problem.Invalid("conclusion", $"must be at most {MaxNote} characters");
        var note = string.IsNullOrWhiteSpace(conclusion) ? null : conclusion.Trim();
        return (c with { Stage = SupervisionCaseStage.Closed, Conclusion = note }).Then(SupervisionCaseEventKind.Closed, by.ToString(), now, note);
    }

    private static Problem? Check(SupervisionCase c, Unit unit, Actor by, string action)
    {
        ReportAccess.EnsureSameUnit(unit, c.Submission.Report);
        return LoopPermissions.Check(unit, by, UnitPermissions.ReviewBoardReport, action);
    }
}
