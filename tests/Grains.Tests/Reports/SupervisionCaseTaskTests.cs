using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Supervision;
using OrleansTilsyn.Grains.Domain.Tasks;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;
using static OrleansTilsyn.Grains.Tests.Reports.ReportFixtures;

namespace OrleansTilsyn.Grains.Tests.Reports;

/// <summary>Every step of the chief's follow-up on a written supervision report is a task: raised by the step before, closed by its own.</summary>
public sealed class SupervisionCaseTaskTests
{
    private static readonly Actor ChiefOfUnit = Chief(SelfOwned);

    private static UnitLoopState Due() =>
        LoopReminders.OnReminder(Started(SelfOwned), "board-report-due:2023", At(2023, 10, 2, 0), At(2023, 10, 2, 0)).State;

    private static LoopOutcome SubmittedToLoop() => Ok(BoardReportCommands.Submitted(Due(), Submitted().Receipt, At(2023, 10, 20)));

    private static LoopOutcome FollowUpRequired() =>
        Ok(BoardReportCommands.ReviewCase(SubmittedToLoop().State, 2023, ReviewDecision.FollowUpMeeting, "Sygefraværet er steget.", null, ChiefOfUnit, At(2023, 11, 5)));

    private static LoopTask Task(UnitLoopState s, TaskKind kind) =>
        s.Tasks.Items.Single(t => t.Kind == kind && t.Assignee == AssigneeRole.Chief);

    [Fact]
    public void SubmissionClosesTheBoardsTaskAndRaisesTheChiefsReview()
    {
        var submitted = SubmittedToLoop();
        var closed = Assert.Single(submitted.Effects.TasksClosed);
        Assert.Equal((TaskKind.SubmitBoardReport, AssigneeRole.Board), (closed.Kind, closed.Assignee));
        var review = Assert.Single(submitted.Effects.TasksRaised);
        Assert.Equal((TaskKind.ReviewBoardReport, AssigneeRole.Chief, new DateOnly(2023, 11, 19)), (review.Kind, review.Assignee, review.Due));
    }

    [Fact]
    public void AFollowUpReviewAsksTheChiefToScheduleTheMeetingByTheFollowUpDeadline()
    {
        var followUp = FollowUpRequired();
        Assert.Equal(TaskKind.ReviewBoardReport, Assert.Single(followUp.Effects.TasksClosed).Kind);
        var schedule = Assert.Single(followUp.Effects.TasksRaised);
        Assert.Equal((TaskKind.ScheduleBoardFollowUpMeeting, AssigneeRole.Chief, new DateOnly(2024, 1, 4)), (schedule.Kind, schedule.Assignee, schedule.Due));
        Assert.Equal(["2023"], followUp.State.Tasks.Open.Select(t => t.Occurrence));
    }

    [Fact]
    public void AnAcceptedReviewLeavesNoTaskOpen()
    {
        var accepted = Ok(BoardReportCommands.ReviewCase(SubmittedToLoop().State, 2023, ReviewDecision.Accept, null, null, ChiefOfUnit, At(2023, 11, 5)));
        Assert.Empty(accepted.Effects.TasksRaised);
        Assert.Empty(accepted.State.Tasks.Open);
    }

    [Fact]
    public void SchedulingClosesTheScheduleTaskAndRaisesHoldingItByTheLaterOfMeetingDayAndDeadline()
    {
        var early = Ok(BoardReportCommands.ScheduleCaseMeeting(FollowUpRequired().State, 2023, At(2023, 11, 20), ChiefOfUnit, At(2023, 11, 6)));
        Assert.Equal(TaskKind.ScheduleBoardFollowUpMeeting, Assert.Single(early.Effects.TasksClosed).Kind);
        var hold = Assert.Single(early.Effects.TasksRaised);
        Assert.Equal((TaskKind.HoldBoardFollowUpMeeting, new DateOnly(2024, 1, 4)), (hold.Kind, hold.Due));

        var late = Ok(BoardReportCommands.ScheduleCaseMeeting(early.State, 2023, At(2024, 1, 20), ChiefOfUnit, At(2023, 11, 7)));
        Assert.Empty(late.Effects.TasksRaised);
        var moved = Assert.Single(late.Effects.TasksUpdated);
        Assert.Equal((TaskKind.HoldBoardFollowUpMeeting, new DateOnly(2024, 1, 20), TaskState.Open), (moved.Kind, moved.Due, moved.State));
        Assert.Equal(new DateOnly(2024, 1, 20), Task(late.State, TaskKind.HoldBoardFollowUpMeeting).Due);
    }

    [Fact]
    public void RecordingTheMeetingRaisesClosingTheCaseWhichClosesWithTheCase()
    {
        var scheduled = Ok(BoardReportCommands.ScheduleCaseMeeting(FollowUpRequired().State, 2023, At(2023, 11, 20), ChiefOfUnit, At(2023, 11, 6)));
        var held = Ok(BoardReportCommands.RecordCaseMeeting(scheduled.State, 2023, At(2023, 11, 20), "Handleplan aftalt.", ["Bestyrelsesformand", "BU-chef"],
            ChiefOfUnit, At(2023, 11, 21)));
        Assert.Equal(TaskKind.HoldBoardFollowUpMeeting, Assert.Single(held.Effects.TasksClosed).Kind);
        var close = Assert.Single(held.Effects.TasksRaised);
        Assert.Equal((TaskKind.CloseSupervisionCase, AssigneeRole.Chief, new DateOnly(2023, 12, 5)), (close.Kind, close.Assignee, close.Due));

        Fails(BoardReportCommands.CloseCase(held.State, 2023, null, Board(SelfOwned), At(2023, 11, 22)), ProblemKind.PermissionDenied);
        var closed = Ok(BoardReportCommands.CloseCase(held.State, 2023, "Opfølgningen er gennemført.", ChiefOfUnit, At(2023, 11, 22)));
        var done = Assert.Single(closed.Effects.TasksClosed);
        Assert.Equal((TaskKind.CloseSupervisionCase, ChiefOfUnit.ToString()), (done.Kind, done.ClosedBy));
        Assert.Empty(closed.State.Tasks.Open);
        Assert.Equal(SupervisionCaseStage.Closed, closed.State.FindBoardReport(2023)!.Case!.Stage);
    }

    [Fact]
    public void AMeetingRecordedWithoutASchedulingStepClosesTheScheduleTaskToo()
    {
        var held = Ok(BoardReportCommands.RecordCaseMeeting(FollowUpRequired().State, 2023, At(2023, 11, 20), "Mødet blev holdt straks.", ["BU-chef"],
            ChiefOfUnit, At(2023, 11, 21)));
        Assert.Equal(TaskKind.ScheduleBoardFollowUpMeeting, Assert.Single(held.Effects.TasksClosed).Kind);
        Assert.Equal(TaskKind.CloseSupervisionCase, Assert.Single(held.State.Tasks.Open).Kind);
    }

    [Fact]
    public void EveryStepOfTheCaseIsAnAttributedEventAndATaskForTheChief()
    {
        var s = FollowUpRequired().State;
        s = Ok(BoardReportCommands.ScheduleCaseMeeting(s, 2023, At(2023, 11, 20), ChiefOfUnit, At(2023, 11, 6))).State;
        s = Ok(BoardReportCommands.RecordCaseMeeting(s, 2023, At(2023, 11, 20), "Noter", ["BU-chef"], ChiefOfUnit, At(2023, 11, 21))).State;
        s = Ok(BoardReportCommands.CloseCase(s, 2023, null, ChiefOfUnit, At(2023, 11, 22))).State;

        var c = s.FindBoardReport(2023)!.Case!;
        Assert.Equal(
            [SupervisionCaseEventKind.Submitted, SupervisionCaseEventKind.FollowUpRequired, SupervisionCaseEventKind.MeetingScheduled,
             SupervisionCaseEventKind.MeetingHeld, SupervisionCaseEventKind.Closed],
            c.History.Select(e => e.Kind));
        Assert.All(c.History.Skip(1), e => Assert.Equal(ChiefOfUnit.ToString(), e.By));
        Assert.Equal(
            [TaskKind.ReviewBoardReport, TaskKind.ScheduleBoardFollowUpMeeting, TaskKind.HoldBoardFollowUpMeeting, TaskKind.CloseSupervisionCase],
            s.Tasks.Items.Where(t => t.Assignee == AssigneeRole.Chief).Select(t => t.Kind));
        Assert.All(s.Tasks.Items, t => Assert.Equal(TaskState.Done, t.State));
    }
}
