using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Reports;
using OrleansTilsyn.Grains.Domain.Supervision;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;
using static OrleansTilsyn.Grains.Tests.Reports.ReportFixtures;

namespace OrleansTilsyn.Grains.Tests.Reports;

public sealed class SupervisionCaseTests
{
    private static readonly DataPackageRef Autumn = new(new Period(2023, Season.Autumn), 1);

    private static SupervisionCase Opened() => SupervisionCaseCommands.Open(Submitted().Receipt);

    [Fact]
    public void AcceptanceClosesTheCaseWithAnAttributedEvent()
    {
        var c = Opened();
        Assert.Equal((SupervisionCaseStage.AwaitingReview, BoardReportStatus.Submitted), (c.Stage, c.LoopStatus));
        var accepted = Ok(SupervisionCaseCommands.Review(c, SelfOwned, ReviewDecision.Accept, null, Autumn, Chief(SelfOwned), At(2023, 11, 5)));
        Assert.True(accepted.IsClosed);
        Assert.Equal((BoardReportStatus.Accepted, 1, Autumn), (accepted.LoopStatus, accepted.ReviewedVersion, accepted.DataPackage));
        Assert.Equal([SupervisionCaseEventKind.Submitted, SupervisionCaseEventKind.Accepted], accepted.History.Select(e => e.Kind));
        Assert.Equal(("chief:bu-chef-1", At(2023, 11, 5)), (accepted.History[1].By, accepted.History[1].At));
        Assert.Equal("board:bestyrelse-unit-1", accepted.History[0].By);
        Fails(SupervisionCaseCommands.Review(accepted, SelfOwned, ReviewDecision.Accept, null, null, Chief(SelfOwned), At(2023, 11, 6)), ProblemKind.FailedPrecondition);
        Fails(SupervisionCaseCommands.Close(accepted, SelfOwned, null, Chief(SelfOwned), At(2023, 11, 6)), ProblemKind.FailedPrecondition);
    }

    [Fact]
    public void FollowUpMeetingIsScheduledHeldRecordedAndClosed()
    {
        var chief = Chief(SelfOwned);
        var c = Opened();
        Fails(SupervisionCaseCommands.Review(c, SelfOwned, ReviewDecision.FollowUpMeeting, " ", Autumn, chief, At(2023, 11, 5)), ProblemKind.Invalid);
        c = Ok(SupervisionCaseCommands.Review(c, SelfOwned, ReviewDecision.FollowUpMeeting, "Sygefraværet er steget to halvår i træk.", Autumn, chief, At(2023, 11, 5)));
        Assert.Equal((SupervisionCaseStage.FollowUpRequired, BoardReportStatus.FollowUpRequired), (c.Stage, c.LoopStatus));
        Fails(SupervisionCaseCommands.Close(c, SelfOwned, null, chief, At(2023, 11, 6)), ProblemKind.FailedPrecondition);
        Fails(SupervisionCaseCommands.ScheduleMeeting(c, SelfOwned, At(2023, 11, 1), chief, At(2023, 11, 6)), ProblemKind.Invalid);
        c = Ok(SupervisionCaseCommands.ScheduleMeeting(c, SelfOwned, At(2023, 11, 27, 16), chief, At(2023, 11, 6)));
        c = Ok(SupervisionCaseCommands.ScheduleMeeting(c, SelfOwned, At(2023, 11, 29, 16), chief, At(2023, 11, 7)));
        Assert.Equal(At(2023, 11, 29, 16), c.Meeting!.ScheduledFor);

        var incomplete = Fails(SupervisionCaseCommands.RecordMeeting(c, SelfOwned, At(2023, 12, 1), "", [], chief, At(2023, 11, 30)), ProblemKind.Invalid);
        Assert.Equal(["heldAt", "notes", "attendees"], incomplete.Violations.Select(v => v.Field));
        c = Ok(SupervisionCaseCommands.RecordMeeting(c, SelfOwned, At(2023, 11, 29, 16), "Aftalt opfølgning på fraværet i foråret.",
            ["BU-chef", "Bestyrelsesformand", "Dagtilbudsleder"], chief, At(2023, 11, 30)));
        Assert.Equal((SupervisionCaseStage.MeetingHeld, BoardReportStatus.FollowUpHeld), (c.Stage, c.LoopStatus));
        Assert.Equal<string>(["BU-chef", "Bestyrelsesformand", "Dagtilbudsleder"], c.Meeting!.Attendees);
        c = Ok(SupervisionCaseCommands.Close(c, SelfOwned, "Bestyrelsen følger op i næste afrapportering.", chief, At(2023, 12, 4)));
        Assert.True(c.IsClosed);
        Assert.Equal(
        [
            SupervisionCaseEventKind.Submitted, SupervisionCaseEventKind.FollowUpRequired, SupervisionCaseEventKind.MeetingScheduled,
            SupervisionCaseEventKind.MeetingRescheduled, SupervisionCaseEventKind.MeetingHeld, SupervisionCaseEventKind.Closed,
        ], c.History.Select(e => e.Kind));
        Assert.All(c.History.Skip(1), e => Assert.Equal("chief:bu-chef-1", e.By));
    }

    [Fact]
    public void OnlyTheUnitsChiefReviews()
    {
        var c = Opened();
        Fails(SupervisionCaseCommands.Review(c, SelfOwned, ReviewDecision.Accept, null, null, BoardOf(SelfOwned), At(2023, 11, 5)), ProblemKind.PermissionDenied);
        Fails(SupervisionCaseCommands.Review(c, SelfOwned, ReviewDecision.Accept, null, null, Admin, At(2023, 11, 5)), ProblemKind.PermissionDenied);
        Fails(SupervisionCaseCommands.Review(c, SelfOwned, ReviewDecision.Accept, null, null,
            new(OrleansTilsyn.Contracts.Model.ActorRole.Chief, "bu-chef-2"), At(2023, 11, 5)), ProblemKind.PermissionDenied);
    }

    [Fact]
    public void CorrectionMovesTheCaseToTheNewVersionAndIsRecorded()
    {
        var (report, receipt, _) = Submitted();
        var c = SupervisionCaseCommands.Open(receipt);
        var changed = Complete.Select(a => a.Question == "p3" ? Text("p3", "Rettet tekst.") : a).ToImmutableArray();
        var correction = Ok(ReportCommands.Correct(report, SelfOwned, Supervision, changed, "Forkert tal", "ret", BoardOf(SelfOwned), At(2023, 10, 25))).Receipt;
        c = SupervisionCaseCommands.Corrected(c, correction);
        Assert.Same(c, SupervisionCaseCommands.Corrected(c, correction));
        Assert.Equal((2, SupervisionCaseEventKind.Corrected, "Forkert tal"), (c.Submission.Version, c.History[^1].Kind, c.History[^1].Detail));
        Assert.Equal(2, Ok(SupervisionCaseCommands.Review(c, SelfOwned, ReviewDecision.Accept, null, null, Chief(SelfOwned), At(2023, 11, 5))).ReviewedVersion);
    }

    [Fact]
    public void CaseStepsMatchTheLoopsBoardReportStatus()
    {
        var s = LoopReminders.OnReminder(Started(SelfOwned), "board-report-due:2023", At(2023, 10, 2, 0), At(2023, 10, 2, 0)).State;
        var content = new BoardReportContent("Se skriftlig rapport.", "Se skriftlig rapport.", "Se skriftlig rapport.");
        s = Ok(BoardReportCommands.Submit(s, 2023, content, BoardOf(SelfOwned), At(2023, 10, 20))).State;
        var c = Opened();
        Assert.Equal(s.FindBoardReport(2023)!.Status, c.LoopStatus);
        s = Ok(BoardReportCommands.Review(s, 2023, followUpRequired: true, "Sygefravær", Chief(SelfOwned), At(2023, 11, 5))).State;
        c = Ok(SupervisionCaseCommands.Review(c, SelfOwned, ReviewDecision.FollowUpMeeting, "Sygefravær", null, Chief(SelfOwned), At(2023, 11, 5)));
        c = Ok(SupervisionCaseCommands.ScheduleMeeting(c, SelfOwned, At(2023, 11, 20), Chief(SelfOwned), At(2023, 11, 6)));
        Assert.Equal(s.FindBoardReport(2023)!.Status, c.LoopStatus);
        s = Ok(BoardReportCommands.HoldFollowUpMeeting(s, 2023, At(2023, 11, 20), Chief(SelfOwned), At(2023, 11, 21))).State;
        c = Ok(SupervisionCaseCommands.RecordMeeting(c, SelfOwned, At(2023, 11, 20), "Noter", ["BU-chef"], Chief(SelfOwned), At(2023, 11, 21)));
        var b = s.FindBoardReport(2023)! with { Case = c };
        Assert.Equal(b.Status, b.Case.LoopStatus);
        var json = System.Text.Json.JsonSerializer.Serialize(b);
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonSerializer.Deserialize<BoardReport>(json)));
    }
}
