using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Supervision;
using OrleansTilsyn.Grains.Domain.Tasks;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

public sealed class BoardReportTests
{
    private static readonly BoardReportContent Content = new("Basistilsyn gennemført.", "Retningslinjer fulgt.", "Pædagogisk tilsyn: læreplan evalueret.");

    private static UnitLoopState Due()
    {
        var s = Started(Unit(selfOwned: true));
        return LoopReminders.OnReminder(s, "board-report-due:2023", At(2023, 10, 2, 0), At(2023, 10, 2, 0)).State;
    }

    [Fact]
    public void BoardReportComingDueRaisesTaskForTheBoardAndGoesOverdueAfterFirstNovember()
    {
        var s = Due();
        var task = Assert.Single(s.Tasks.Items);
        Assert.Equal((TaskKind.SubmitBoardReport, AssigneeRole.Board, new DateOnly(2023, 11, 1)), (task.Kind, task.Assignee, task.Due));
        var overdue = LoopReminders.OnReminder(s, ReminderNames.TasksOverdue, At(2023, 11, 2, 0), At(2023, 11, 2, 0));
        Assert.Equal(TaskState.Overdue, overdue.State.Tasks.Items[0].State);
        Assert.Equal(1, LoopQueries.Health(overdue.State, At(2023, 11, 2)).BoardReportsOverdue);
    }

    [Fact]
    public void SubmittedReportAsksTheChiefToReviewIt()
    {
        var s = Due();
        Fails(BoardReportCommands.Submit(s, 2023, Content, Chief(s.Unit), At(2023, 10, 20)), ProblemKind.PermissionDenied);
        var submitted = Ok(BoardReportCommands.Submit(s, 2023, Content, Board(s.Unit), At(2023, 10, 20)));
        Assert.Equal(TaskKind.SubmitBoardReport, Assert.Single(submitted.Effects.TasksClosed).Kind);
        var review = Assert.Single(submitted.Effects.TasksRaised);
        Assert.Equal((TaskKind.ReviewBoardReport, AssigneeRole.Chief, new DateOnly(2023, 11, 19)), (review.Kind, review.Assignee, review.Due));
        Fails(BoardReportCommands.Submit(submitted.State, 2023, Content, Board(s.Unit), At(2023, 10, 21)), ProblemKind.AlreadyExists);
    }

    [Fact]
    public void ReviewEitherAcceptsOrRequiresAFollowUpMeetingThatIsThenHeld()
    {
        var s = Ok(BoardReportCommands.Submit(Due(), 2023, Content, Board(Unit(selfOwned: true)), At(2023, 10, 20))).State;
        var accepted = Ok(BoardReportCommands.Review(s, 2023, followUpRequired: false, null, Chief(s.Unit), At(2023, 11, 5)));
        Assert.Equal(BoardReportStatus.Accepted, accepted.State.FindBoardReport(2023)!.Status);
        Assert.Empty(accepted.Effects.TasksRaised);
        Fails(BoardReportCommands.Review(s, 2023, followUpRequired: true, "", Chief(s.Unit), At(2023, 11, 5)), ProblemKind.Invalid);
        var followUp = Ok(BoardReportCommands.Review(s, 2023, followUpRequired: true, "Data om sygefravær", Chief(s.Unit), At(2023, 11, 5)));
        Assert.Equal(TaskKind.HoldBoardFollowUpMeeting, Assert.Single(followUp.Effects.TasksRaised).Kind);
        var held = Ok(BoardReportCommands.HoldFollowUpMeeting(followUp.State, 2023, At(2023, 12, 1), Chief(s.Unit), At(2023, 12, 1, 12)));
        Assert.Equal(BoardReportStatus.FollowUpHeld, held.State.FindBoardReport(2023)!.Status);
        Assert.Empty(held.State.Tasks.Open);
    }

    [Fact]
    public void ReportNeedsAllThreeParts()
    {
        var problem = Fails(BoardReportCommands.Submit(Due(), 2023, new("", " ", ""), Board(Unit(selfOwned: true)), At(2023, 10, 20)), ProblemKind.Invalid);
        Assert.Equal(3, problem.Violations.Length);
    }

    [Fact]
    public void OnlySelfOwnedDaycaresReportInWriting()
    {
        var s = Started(Unit());
        Assert.Empty(s.BoardReports);
        Fails(BoardReportCommands.Submit(s, 2023, Content, Board(s.Unit), At(2023, 10, 20)), ProblemKind.PermissionDenied);
    }
}
