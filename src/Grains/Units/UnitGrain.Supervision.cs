using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Reports;
using OrleansTilsyn.Grains.Domain.Supervision;
using OrleansTilsyn.Grains.Mapping;

namespace OrleansTilsyn.Grains.Units;

/// <summary>The chief's follow-up on a self-owned board's written supervision report (the report itself lives in its report grain).</summary>
public sealed partial class UnitGrain
{
    public async Task<Result<CommandAck>> SupervisionReportSubmittedAsync(ReceiptDto receipt)
    {
        var parsed = receipt.ToDomain();
        if (!parsed.IsSuccess) return parsed.Problem;
        if (Loop is not { } loop) return NotRegistered();
        var r = parsed.Value;
        if (r.Report.Unit != loop.Unit.Id || r.Report.Purpose != ReportPurpose.Supervision)
            return Problem.Invalid("receipt", $"{r.Report} is not a supervision report of unit {Key}");
        // Only the report grain (acting for the board that submitted, or the service) reports submissions.
        var actor = Actors.Current();
        if (!actor.IsSuccess) return actor.Problem;
        if (LoopPermissions.Check(loop.Unit, actor.Value, UnitPermissions.ReportSubmission, "report a submission") is { } denied) return denied;
        var outcome = BoardReportCommands.Submitted(loop, r, Now);
        if (!outcome.IsSuccess) return outcome.Problem;
        return ReferenceEquals(outcome.Value.State, loop) || outcome.Value.State == loop
            ? Unchanged()
            : await ApplyAsync("SupervisionReportSubmitted", outcome.Value);
    }

    public async Task<Result<CommandAck>> ReviewSupervisionReportAsync(int year, string decision, string? reason)
    {
        if (!Enum.TryParse<ReviewDecision>(decision, out var d) || !Enum.IsDefined(d))
            return Problem.Invalid("decision", "must be Accept or FollowUpMeeting");
        var dataPackage = Loop is { } loop ? await LatestDataPackageAsync(loop) : null;
        return await RunAsync("ReviewSupervisionReport", (s, by, now) => BoardReportCommands.ReviewCase(s, year, d, reason, dataPackage, by, now));
    }

    public Task<Result<CommandAck>> ScheduleSupervisionMeetingAsync(int year, DateTimeOffset at) =>
        RunAsync("ScheduleSupervisionMeeting", (s, by, now) => BoardReportCommands.ScheduleCaseMeeting(s, year, at, by, now));

    public Task<Result<CommandAck>> RecordSupervisionMeetingAsync(int year, DateTimeOffset heldAt, string notes, ImmutableArray<string> attendees) =>
        RunAsync("RecordSupervisionMeeting", (s, by, now) => BoardReportCommands.RecordCaseMeeting(s, year, heldAt, notes ?? "", attendees.OrEmpty(), by, now));

    public Task<Result<CommandAck>> CloseSupervisionCaseAsync(int year, string? conclusion) =>
        RunAsync("CloseSupervisionCase", (s, by, now) => BoardReportCommands.CloseCase(s, year, conclusion, by, now));

    public Task<Result<SupervisionCaseDto>> GetSupervisionCaseAsync(int year) => Task.FromResult(Readable(ReadScope.Reports).Then(s =>
    {
        if (s.Unit.SelfOwned is false) return Problem.FailedPrecondition($"Unit {Key} is not self-owned; its board does not report in writing.");
        var actor = Actors.Current().Value;
        if (actor!.Role == ActorRole.Leader) return Problem.PermissionDenied($"{actor} may not read the board's supervision case.");
        return s.FindBoardReport(year)?.Case is { } c
            ? c.ToDto(year)
            : (Result<SupervisionCaseDto>)Problem.NotFound($"Unit {Key} has no submitted supervision report for {year}.");
    }));

    public Task<Result<UnitDto>> GetUnitAsync() =>
        Task.FromResult(Loop is { } loop ? (Result<UnitDto>)loop.Unit.ToDto() : NotRegistered());

    /// <summary>The newest released data package of the unit's sector among the loop's periods that have begun (best effort).</summary>
    private async Task<DataPackageRef?> LatestDataPackageAsync(UnitLoopState loop)
    {
        var today = DomainDates.DayOf(Now);
        foreach (var period in loop.Conversations.Where(c => c.Slot.DataRelease <= today).OrderByDescending(c => c.Slot.DataRelease).Select(c => c.Period))
        {
            try
            {
                var package = await GrainFactory.GetGrain<IDataPackageGrain>(GrainKeys.DataPackage(loop.Unit.Sector, period.ToString())).GetForUnitAsync(Key);
                if (package.IsSuccess) return new DataPackageRef(period, package.Value.Version);
            }
            catch (Exception)
            {
                // Without a reachable package the review still stands; the reference is then left out.
            }
        }

        return null;
    }
}
