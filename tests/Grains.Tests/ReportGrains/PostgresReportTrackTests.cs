using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Tests.Loop;
using OrleansTilsyn.Silo.Storage.Postgres;
using static OrleansTilsyn.Grains.Tests.ReportGrains.ReportTrack;

namespace OrleansTilsyn.Grains.Tests.ReportGrains;

/// <summary>
/// The written report track on PostgreSQL (env TILSYN_TEST_PG): a silo process that goes away in the middle
/// of drafting, and a new one on the same database that carries on. The whole track on every store is in
/// <see cref="WrittenReportTrackTests"/>.
/// </summary>
public sealed class PostgresReportTrackTests
{
    [Fact]
    public async Task ANewSiloOnTheSameDatabaseResumesTheDraftWithEverySavedVersionAndAttribution()
    {
        var schema = TestPostgres.NewSchema();
        ReportDto saved;
        DateTimeOffset stoppedAt;
        await using (var first = await LoopHarness.StartAsync(store: () => new PostgresGrainStore(schema)))
        {
            await first.SeedAsync();
            await first.AdvanceToAsync(At(2023, 10, 5));
            await first.Ok(Board, _ => first.Report().StartAsync());
            await first.Ok(Board, _ => first.Report().SaveDraftAsync(Partial, 0));
            await first.AdvanceToAsync(At(2023, 10, 12));
            saved = await first.Ok(Board, _ => first.Report().SaveDraftAsync([.. Complete.Take(7)], 1));
            stoppedAt = first.Now;
            first.Cluster.KillSilo(0);
        }

        await using var second = await LoopHarness.StartAsync(store: () => new PostgresGrainStore(schema), start: stoppedAt);
        var resumed = await second.Ok(Board, _ => second.Report().GetAsync());
        Assert.Equal(("Draft", 2), (resumed.Stage, resumed.DraftVersion));
        Assert.Equal(saved.Answers.AsEnumerable(), resumed.Answers.AsEnumerable());
        Assert.Equal(saved.Saves.AsEnumerable(), resumed.Saves.AsEnumerable());
        Assert.Equal([(1, At(2023, 10, 5)), (2, At(2023, 10, 12))], resumed.Saves.Select(s => (s.Version, s.SavedAt)));
        Assert.All(resumed.Saves, s => Assert.Equal($"board:{Board.Id}", s.SavedBy));

        await second.Fails(Board, _ => second.Report().SaveDraftAsync(Complete, 1), ProblemKind.Conflict);
        await second.Ok(Board, _ => second.Report().SaveDraftAsync(Complete, 2));
        var receipt = await second.Ok(Board, _ => second.Report().SubmitAsync("after-restart", 3));
        Assert.Equal((1, stoppedAt), (receipt.Receipt.Version, receipt.Receipt.SubmittedAt));
        var replayed = await second.Ok(Board, _ => second.Report().SubmitAsync("after-restart", null));
        Assert.Equal(receipt.Receipt, replayed.Receipt);
        var opened = await second.Ok(Chief, g => g.GetGrain<IUnitGrain>(SelfOwned).GetSupervisionCaseAsync(2023));
        Assert.Equal(("AwaitingReview", receipt.Receipt), (opened.Stage, opened.Submission));
    }

    [Fact]
    public async Task AReceiptAndTheChiefsCaseSurviveARestartBetweenEveryStep()
    {
        var schema = TestPostgres.NewSchema();
        var now = At(2023, 10, 5);
        async Task<T> InNewSilo<T>(Func<LoopHarness, Task<T>> step, bool seed = false)
        {
            await using var h = await LoopHarness.StartAsync(store: () => new PostgresGrainStore(schema), start: now);
            if (seed) await h.SeedAsync();
            await h.AdvanceToAsync(now);
            var result = await step(h);
            now = h.Now.AddHours(1);
            return result;
        }

        await InNewSilo(h => h.Ok(Board, _ => h.Report().StartAsync()), seed: true);
        await InNewSilo(h => h.Ok(Board, _ => h.Report().SaveDraftAsync(Complete, 0)));
        var submitted = await InNewSilo(h => h.Ok(Board, _ => h.Report().SubmitAsync("submit-pg", 1)));
        var replayed = await InNewSilo(h => h.Ok(Board, _ => h.Report().SubmitAsync("submit-pg", null)));
        Assert.Equal(submitted.Receipt, replayed.Receipt);
        Assert.True(replayed.Replayed);

        await InNewSilo(h => h.Ok(Chief, _ => h.Unit(SelfOwned).ReviewSupervisionReportAsync(2023, "FollowUpMeeting", "Data om sprog kalder på et møde.")));
        var meetingAt = now.AddDays(3);
        await InNewSilo(h => h.Ok(Chief, _ => h.Unit(SelfOwned).ScheduleSupervisionMeetingAsync(2023, meetingAt)));
        now = meetingAt.AddHours(2);
        await InNewSilo(h => h.Ok(Chief, _ => h.Unit(SelfOwned).RecordSupervisionMeetingAsync(2023, meetingAt, "Handleplan for sprog aftalt.", ["Bestyrelsesformand"])));
        await InNewSilo(h => h.Ok(Chief, _ => h.Unit(SelfOwned).CloseSupervisionCaseAsync(2023, "Lukket.")));

        var closed = await InNewSilo(h => h.Ok(Chief, g => g.GetGrain<IUnitGrain>(SelfOwned).GetSupervisionCaseAsync(2023)));
        Assert.Equal(("Closed", submitted.Receipt), (closed.Stage, closed.Submission));
        Assert.Equal(["Submitted", "FollowUpRequired", "MeetingScheduled", "MeetingHeld", "Closed"], closed.History.Select(e => e.Kind));
        var tasks = await InNewSilo(h => h.TasksAsync());
        Assert.Equal(
            new[] { TaskKind.ReviewBoardReport, TaskKind.ScheduleBoardFollowUpMeeting, TaskKind.HoldBoardFollowUpMeeting, TaskKind.CloseSupervisionCase }.Order(),
            tasks.Where(t => t.Occurrence == "2023" && t.Assignee == AssigneeRole.Chief).Select(t => t.Kind).Order());
        Assert.All(tasks.Where(t => t.Occurrence == "2023"), t => Assert.Equal(TaskState.Done, t.State));
        var html = await InNewSilo(h => h.Ok(Board, _ => h.Report().RenderPrintableAsync(null)));
        Assert.Contains(submitted.Receipt.ContentHash, html, StringComparison.Ordinal);
    }
}
