using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Tests.Loop;
using static OrleansTilsyn.Grains.Tests.ReportGrains.ReportTrack;

namespace OrleansTilsyn.Grains.Tests.ReportGrains;

public sealed class WrittenReportTrackTests
{
    [Theory]
    [InlineData(LoopStore.Memory)]
    [InlineData(LoopStore.Sqlite)]
    public async Task BoardDraftsSubmitsAndChiefFollowsUpUntilTheCaseIsClosed(LoopStore store)
    {
        await using var h = await LoopHarness.StartAsync(store: store);
        await h.SeedAsync();
        await h.AdvanceToAsync(At(2023, 10, 5));

        var started = await h.Ok(Board, g => h.Report().StartAsync());
        Assert.Equal(("Draft", "tilsyn-selvejende-dagtilbud", 1, 0), (started.Stage, started.TemplateId, started.TemplateVersion, started.DraftVersion));

        var first = await h.Ok(Board, _ => h.Report().SaveDraftAsync(Partial, basedOnVersion: 0));
        Assert.Equal(1, first.DraftVersion);
        await h.Fails(Board, _ => h.Report().SaveDraftAsync(Complete, basedOnVersion: 0), ProblemKind.Conflict);

        var resumed = await h.Ok(Board, _ => h.Report().GetAsync());
        Assert.Equal(Partial.AsEnumerable(), resumed.Answers.AsEnumerable());
        Assert.Equal($"board:{Board.RoleId}", Assert.Single(resumed.Saves).SavedBy);

        var incomplete = await h.Fails(Board, _ => h.Report().SubmitAsync("submit-1", null), ProblemKind.Invalid);
        Assert.True(incomplete.Violations.Length >= 10, incomplete.ToString());
        Assert.True(incomplete.HasViolation("sections[basistilsyn].questions[b2].explanation"), incomplete.ToString());
        Assert.True(incomplete.HasViolation("sections[paedagogisk-tilsyn].questions[p4]"), incomplete.ToString());

        await h.Ok(Board, _ => h.Report().SaveDraftAsync(Complete, basedOnVersion: 1));
        var submitted = await h.Ok(Board, _ => h.Report().SubmitAsync("submit-1", 2));
        Assert.False(submitted.Replayed);
        Assert.Equal((Report2023, 1, $"board:{Board.RoleId}", h.Now), (submitted.Receipt.Report, submitted.Receipt.Version, submitted.Receipt.SubmittedBy, submitted.Receipt.SubmittedAt));
        Assert.Matches("^[0-9a-f]{64}$", submitted.Receipt.ContentHash);
        var again = await h.Ok(Board, _ => h.Report().SubmitAsync("submit-1", null));
        Assert.True(again.Replayed);
        Assert.Equal(submitted.Receipt, again.Receipt);
        await h.Fails(Board, _ => h.Report().SaveDraftAsync(Partial, null), ProblemKind.FailedPrecondition);

        var opened = await h.Ok(Chief, g => g.GetGrain<IUnitGrain>(SelfOwned).GetSupervisionCaseAsync(2023));
        Assert.Equal(("AwaitingReview", submitted.Receipt), (opened.Stage, opened.Submission));
        var inbox = await h.Ok(Chief, g => g.GetGrain<IChiefGrain>("chief-b").GetInboxAsync(new InboxQuery()));
        Assert.Contains(inbox.Tasks, t => t.Id == "dt-self/ReviewBoardReport/2023/Chief" && t.State == TaskState.Open);
        Assert.Contains(await h.TasksAsync(), t => t.Id == "dt-self/SubmitBoardReport/2023/Board" && t.State == TaskState.Done);

        Assert.Equal(Complete.Length, (await h.Ok(Chief, _ => h.Report().GetAsync())).Submissions[0].Answers.Length);
        await h.Ok(LoopHarness.Admin, _ => h.Report().GetAsync());
        await h.Fails(LoopHarness.Leader(SelfOwned), _ => h.Report().GetAsync(), ProblemKind.PermissionDenied);
        await h.Fails(Operations, _ => h.Report().GetAsync(), ProblemKind.PermissionDenied);
        var status = await h.Ok(Operations, _ => h.Report().GetStatusAsync());
        Assert.Equal(("Submitted", 2, 0), (status.Stage, status.DraftVersion, status.Corrections));
        var html = await h.Ok(Board, _ => h.Report().RenderPrintableAsync(null));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains(submitted.Receipt.ContentHash, html, StringComparison.Ordinal);

        var unit = h.Unit(SelfOwned);
        await h.Fails(Board, _ => unit.ReviewSupervisionReportAsync(2023, "Accept", null), ProblemKind.PermissionDenied);
        var noReason = await h.Fails(Chief, _ => unit.ReviewSupervisionReportAsync(2023, "FollowUpMeeting", " "), ProblemKind.Invalid);
        Assert.True(noReason.HasViolation("reason"));
        await h.Ok(Chief, _ => unit.ReviewSupervisionReportAsync(2023, "FollowUpMeeting", "Sprogdata kalder på et møde med bestyrelsen."));
        Assert.Contains(await h.TasksAsync(), t => t.Id == "dt-self/ReviewBoardReport/2023/Chief" && t.State == TaskState.Done);
        Assert.Contains(await h.TasksAsync(), t => t.Id == "dt-self/ScheduleBoardFollowUpMeeting/2023/Chief" && t.State == TaskState.Open);
        await h.Ok(Chief, _ => unit.ScheduleSupervisionMeetingAsync(2023, h.Now.AddDays(7)));
        Assert.Contains(await h.TasksAsync(), t => t.Id == "dt-self/ScheduleBoardFollowUpMeeting/2023/Chief" && t.State == TaskState.Done);
        Assert.Contains(await h.TasksAsync(), t => t.Id == "dt-self/HoldBoardFollowUpMeeting/2023/Chief" && t.State == TaskState.Open);
        await h.AdvanceToAsync(h.Now.AddDays(7).AddHours(2));
        await h.Ok(Chief, _ => unit.RecordSupervisionMeetingAsync(2023, h.Now.AddHours(-1), "Sprogindsatsen styrkes; opfølgning i foråret.",
            ["Bestyrelsesformand", "Børn og Unge-chef"]));
        Assert.Contains(await h.TasksAsync(), t => t.Id == "dt-self/HoldBoardFollowUpMeeting/2023/Chief" && t.State == TaskState.Done);
        var closeTask = await h.Ok(Chief, g => g.GetGrain<IChiefGrain>("chief-b").GetInboxAsync(new InboxQuery()));
        Assert.Contains(closeTask.Tasks, t => t.Id == "dt-self/CloseSupervisionCase/2023/Chief" && t.State == TaskState.Open);
        await h.Ok(Chief, _ => unit.CloseSupervisionCaseAsync(2023, "Opfølgningen er gennemført."));
        Assert.Contains(await h.TasksAsync(), t => t.Id == "dt-self/CloseSupervisionCase/2023/Chief" && t.State == TaskState.Done);
        Assert.DoesNotContain(await h.TasksAsync(includeDone: false), t => t.Occurrence == "2023" && t.Kind != TaskKind.SubmitBoardReport);

        var closed = await h.Ok(Board, g => g.GetGrain<IUnitGrain>(SelfOwned).GetSupervisionCaseAsync(2023));
        Assert.Equal("Closed", closed.Stage);
        Assert.Equal(["Submitted", "FollowUpRequired", "MeetingScheduled", "MeetingHeld", "Closed"], closed.History.Select(e => e.Kind));
        var timeline = await h.Ok(Chief, _ => unit.GetTimelineAsync());
        Assert.Equal(BoardReportStatus.FollowUpHeld, timeline.BoardReports.Single(b => b.Year == 2023).Status);
    }

    [Fact]
    public async Task AnotherUnitsBoardCanNeitherStartNorReadNorSubmit()
    {
        await using var h = await LoopHarness.StartAsync();
        await h.SeedAsync();
        await h.AdvanceToAsync(At(2023, 10, 5));
        var stranger = LoopHarness.Board("dt-1");
        await h.Fails(stranger, _ => h.Report().StartAsync(), ProblemKind.PermissionDenied);
        await h.Ok(Board, _ => h.Report().StartAsync());
        await h.Ok(Board, _ => h.Report().SaveDraftAsync(Complete, null));
        await h.Fails(stranger, _ => h.Report().SaveDraftAsync(Partial, null), ProblemKind.PermissionDenied);
        await h.Fails(stranger, _ => h.Report().SubmitAsync("x", null), ProblemKind.PermissionDenied);
        await h.Fails(stranger, _ => h.Report().GetAsync(), ProblemKind.PermissionDenied);
        await h.Fails(Chief, _ => h.Report().GetAsync(), ProblemKind.PermissionDenied);
        await h.Fails(LoopHarness.Board("dt-1"), _ => h.Report("dt-1/tilsyn/2023").StartAsync(), ProblemKind.FailedPrecondition);
    }

    [Theory]
    [InlineData(LoopStore.Memory)]
    [InlineData(LoopStore.Sqlite)]
    public async Task WithoutASubmissionTheChiefGetsAnOverdueTaskAfterTheDueDate(LoopStore store)
    {
        await using var h = await LoopHarness.StartAsync(store: store);
        await h.SeedAsync();
        await h.AdvanceToAsync(At(2023, 10, 31));
        var before = await h.TasksAsync();
        Assert.Contains(before, t => t.Id == "dt-self/SubmitBoardReport/2023/Board" && t.State == TaskState.Open);
        Assert.DoesNotContain(before, t => t.Id == "dt-self/SubmitBoardReport/2023/Chief");

        await h.AdvanceToAsync(At(2023, 11, 2));
        var after = await h.TasksAsync();
        Assert.Contains(after, t => t.Id == "dt-self/SubmitBoardReport/2023/Board" && t.State == TaskState.Overdue);
        Assert.Contains(after, t => t.Id == "dt-self/SubmitBoardReport/2023/Chief" && t.State == TaskState.Overdue);
        var inbox = await h.Ok(Chief, g => g.GetGrain<IChiefGrain>("chief-b").GetInboxAsync(new InboxQuery()));
        Assert.Contains(inbox.Tasks, t => t.Id == "dt-self/SubmitBoardReport/2023/Chief");

        await h.Ok(Board, _ => h.Report().StartAsync());
        await h.Ok(Board, _ => h.Report().SaveDraftAsync(Complete, null));
        await h.Ok(Board, _ => h.Report().SubmitAsync("late", null));
        var done = await h.TasksAsync();
        Assert.All(done.Where(t => t.Kind == TaskKind.SubmitBoardReport), t => Assert.Equal(TaskState.Done, t.State));
        Assert.Contains(done, t => t.Id == "dt-self/ReviewBoardReport/2023/Chief");
    }

    [Fact]
    public async Task ASiloRestartInTheMiddleOfDraftingLosesNothingThatWasSaved()
    {
        await using var h = await LoopHarness.StartAsync(store: LoopStore.Sqlite);
        await h.SeedAsync();
        await h.AdvanceToAsync(At(2023, 10, 5));
        await h.Ok(Board, _ => h.Report().StartAsync());
        await h.Ok(Board, _ => h.Report().SaveDraftAsync(Partial, 0));
        var saved = await h.Ok(Board, _ => h.Report().SaveDraftAsync([.. Complete.Take(7)], 1));

        await h.KillAndRestartSiloAsync(0);

        var resumed = await h.Ok(Board, _ => h.Report().GetAsync());
        Assert.Equal(2, resumed.DraftVersion);
        Assert.Equal(saved.Answers.AsEnumerable(), resumed.Answers.AsEnumerable());
        Assert.Equal([1, 2], resumed.Saves.Select(s => s.Version));
        Assert.Equal([(1, At(2023, 10, 5)), (2, At(2023, 10, 5))], resumed.Saves.Select(s => (s.Version, s.SavedAt)));
        Assert.All(resumed.Saves, s => Assert.Equal($"board:{Board.RoleId}", s.SavedBy));
        await h.Fails(Board, _ => h.Report().SaveDraftAsync(Complete, 1), ProblemKind.Conflict);
        await h.Ok(Board, _ => h.Report().SaveDraftAsync(Complete, 2));
        var receipt = await h.Ok(Board, _ => h.Report().SubmitAsync("after-restart", 3));
        Assert.Equal(1, receipt.Receipt.Version);
        var replayed = await h.Ok(Board, _ => h.Report().SubmitAsync("after-restart", null));
        Assert.Equal(receipt.Receipt, replayed.Receipt);
        var opened = await h.Ok(Chief, g => g.GetGrain<IUnitGrain>(SelfOwned).GetSupervisionCaseAsync(2023));
        Assert.Equal(("AwaitingReview", receipt.Receipt), (opened.Stage, opened.Submission));
    }

    [Fact]
    public async Task AReceiptAndTheChiefsCaseSurviveASiloRestartBetweenEveryStep()
    {
        await using var h = await LoopHarness.StartAsync(store: LoopStore.Sqlite);
        await h.SeedAsync();
        await h.AdvanceToAsync(At(2023, 10, 5));
        async Task<T> AfterRestart<T>(Func<Task<T>> step)
        {
            await h.KillAndRestartSiloAsync(0);
            return await step();
        }

        await AfterRestart(() => h.Ok(Board, _ => h.Report().StartAsync()));
        await AfterRestart(() => h.Ok(Board, _ => h.Report().SaveDraftAsync(Complete, 0)));
        var submitted = await AfterRestart(() => h.Ok(Board, _ => h.Report().SubmitAsync("submit-sqlite", 1)));
        var replayed = await AfterRestart(() => h.Ok(Board, _ => h.Report().SubmitAsync("submit-sqlite", null)));
        Assert.Equal(submitted.Receipt, replayed.Receipt);
        Assert.True(replayed.Replayed);

        await AfterRestart(() => h.Ok(Chief, _ => h.Unit(SelfOwned).ReviewSupervisionReportAsync(2023, "FollowUpMeeting", "Data om sprog kalder på et møde.")));
        var meetingAt = h.Now.AddDays(3);
        await AfterRestart(() => h.Ok(Chief, _ => h.Unit(SelfOwned).ScheduleSupervisionMeetingAsync(2023, meetingAt)));
        await h.AdvanceToAsync(meetingAt.AddHours(2));
        await AfterRestart(() => h.Ok(Chief, _ => h.Unit(SelfOwned).RecordSupervisionMeetingAsync(2023, meetingAt, "Handleplan for sprog aftalt.", ["Bestyrelsesformand"])));
        await AfterRestart(() => h.Ok(Chief, _ => h.Unit(SelfOwned).CloseSupervisionCaseAsync(2023, "Lukket.")));

        var closed = await AfterRestart(() => h.Ok(Chief, g => g.GetGrain<IUnitGrain>(SelfOwned).GetSupervisionCaseAsync(2023)));
        Assert.Equal(("Closed", submitted.Receipt), (closed.Stage, closed.Submission));
        Assert.Equal(["Submitted", "FollowUpRequired", "MeetingScheduled", "MeetingHeld", "Closed"], closed.History.Select(e => e.Kind));
        var tasks = await AfterRestart(() => h.TasksAsync());
        Assert.Equal(
            new[] { TaskKind.ReviewBoardReport, TaskKind.ScheduleBoardFollowUpMeeting, TaskKind.HoldBoardFollowUpMeeting, TaskKind.CloseSupervisionCase }.Order(),
            tasks.Where(t => t.Occurrence == "2023" && t.Assignee == AssigneeRole.Chief).Select(t => t.Kind).Order());
        Assert.All(tasks.Where(t => t.Occurrence == "2023"), t => Assert.Equal(TaskState.Done, t.State));
        var html = await AfterRestart(() => h.Ok(Board, _ => h.Report().RenderPrintableAsync(null)));
        Assert.Contains(submitted.Receipt.ContentHash, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABoardStatementOfAnOrdinaryUnitLandsInTheSamtaleAsText()
    {
        await using var h = await LoopHarness.StartAsync();
        await h.SeedAsync();
        await h.AdvanceToAsync(At(2023, 8, 20));
        var board = LoopHarness.Board("dt-1");
        var report = h.Report("dt-1/udtalelse-samtale/2023-Autumn");
        var started = await h.Ok(board, _ => report.StartAsync());
        Assert.Equal("bestyrelsesudtalelse", started.TemplateId);
        await h.Ok(board, _ => report.SaveDraftAsync([new("u1", Text: "Bestyrelsen ser gerne mere fokus på overgange.")], 0));
        await h.Ok(board, _ => report.SubmitAsync("statement-1", 1));
        await h.Ok(board, _ => report.SubmitAsync("statement-1", 1));

        var document = await h.Ok(LoopHarness.Leader("dt-1"), g => g.GetGrain<IUnitGrain>("dt-1").GetDocumentAsync(DocumentKind.BoardStatement, "2023-Autumn"));
        var version = Assert.Single(document.Versions);
        Assert.Contains("Bestyrelsen ser gerne mere fokus på overgange.", version.Content.Text, StringComparison.Ordinal);
        Assert.Contains(board.RoleId, version.WrittenBy, StringComparison.Ordinal);
        await h.Ok(LoopHarness.Leader("dt-1"), _ => report.GetAsync());
    }

    [Fact]
    public async Task PublishedTemplatesAreVersionedAndAStartedReportKeepsItsVersion()
    {
        await using var h = await LoopHarness.StartAsync();
        await h.SeedAsync();
        await h.AdvanceToAsync(At(2023, 10, 5));
        var library = h.Grains.GetGrain<ITemplateLibraryGrain>(GrainKeys.Singleton);
        await h.Ok(Board, _ => h.Report().StartAsync());
        var v1 = await h.Ok(LoopHarness.Admin, _ => library.GetAsync("bestyrelsesudtalelse", null));
        var definition = new TemplateDefinitionDto(v1.Title, v1.Kind, [.. v1.Sections.Take(1).Select(s => s with { Questions = [.. s.Questions.Take(1)] })]);
        await h.Fails(Board, _ => library.PublishAsync("tilsyn-selvejende-dagtilbud", definition), ProblemKind.PermissionDenied);
        var supervision = await h.Ok(LoopHarness.Admin, _ => library.GetAsync("tilsyn-selvejende-dagtilbud", null));
        var shorter = new TemplateDefinitionDto(supervision.Title, supervision.Kind, [.. supervision.Sections.Select(s => s with
        {
            Questions = [.. s.Questions.Select(q => q.Id == "p2" ? q with { Required = false } : q)],
        })]);
        var v2 = await h.Ok(LoopHarness.Admin, _ => library.PublishAsync("tilsyn-selvejende-dagtilbud", shorter));
        Assert.Equal(2, v2.Version);
        Assert.Equal(2, (await h.Ok(LoopHarness.Admin, _ => library.PublishAsync("tilsyn-selvejende-dagtilbud", shorter))).Version);
        Assert.Equal(3, (await h.Ok(LoopHarness.Admin, _ => library.ListAsync(allVersions: true))).Length);

        Assert.Equal(1, (await h.Ok(Board, _ => h.Report().GetAsync())).TemplateVersion);
        var incomplete = await h.Fails(Board, _ => h.Report().SubmitAsync("k", null), ProblemKind.Invalid);
        Assert.True(incomplete.HasViolation("sections[paedagogisk-tilsyn].questions[p2]"), "the report keeps the three-part version 1");
    }
}
