using Grpc.Core;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Api.Mapping;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>A self-owned board's written supervision report: read, submit, the chief's review and follow-up meeting.</summary>
public sealed partial class LoopsService
{
    private const int MaxReviewNoteLength = 4000;

    private (string Unit, int Year) BoardReportName(string name, string field)
    {
        var parts = ResourceNames.BoardReport.Parse(name, field);
        return (parts["unit"], ParseYear(parts["year"], field));
    }

    public override async Task<BoardReport> GetBoardReport(GetBoardReportRequest request, ServerCallContext context)
    {
        var (unit, year) = BoardReportName(request.Name, "name");
        var caller = await api.UnitAccessAsync(context, ApiAction.ReadBoardReport, unit);
        return await ReadBoardReportAsync(caller, unit, year, context.CancellationToken);
    }

    public override async Task<BoardReport> SubmitBoardReport(SubmitBoardReportRequest request, ServerCallContext context)
    {
        var (unit, year) = BoardReportName(request.Name, "name");
        var caller = await api.UnitAccessAsync(context, ApiAction.SubmitBoardReport, unit);
        var content = request.Content.ToModel("content");
        return await ChangeUnitAsync(context, caller, request, request.RequestId, unit, request.Name,
            grain => grain.SubmitBoardReportAsync(year, content),
            token => ReadBoardReportAsync(caller, unit, year, token), FieldPaths.Under("content"));
    }

    public override async Task<BoardReport> ReviewBoardReport(ReviewBoardReportRequest request, ServerCallContext context)
    {
        var (unit, year) = BoardReportName(request.Name, "name");
        var caller = await api.UnitAccessAsync(context, ApiAction.ReviewBoardReport, unit);
        var note = CommonMapping.OptionalText(request.Note, "note", MaxReviewNoteLength);
        return await ChangeUnitAsync(context, caller, request, request.RequestId, unit, request.Name,
            grain => grain.ReviewBoardReportAsync(year, request.FollowUpRequired, note),
            token => ReadBoardReportAsync(caller, unit, year, token));
    }

    public override async Task<BoardReport> RecordBoardFollowUpMeeting(RecordBoardFollowUpMeetingRequest request, ServerCallContext context)
    {
        var (unit, year) = BoardReportName(request.Name, "name");
        var caller = await api.UnitAccessAsync(context, ApiAction.ReviewBoardReport, unit);
        var at = request.HeldAt.ToInstant("held_at");
        return await ChangeUnitAsync(context, caller, request, request.RequestId, unit, request.Name,
            grain => grain.HoldBoardFollowUpMeetingAsync(year, at),
            token => ReadBoardReportAsync(caller, unit, year, token));
    }

    /// <summary>The report with its content once submitted; NOT_FOUND when the loop has no report for the year
    /// (a unit that is not self-owned has none). A report submitted on a template (tilsyn.v1.Reports) has no
    /// three-part document here: its content is read with Reports.GetReport, and <c>content</c> stays unset.</summary>
    private async Task<BoardReport> ReadBoardReportAsync(Caller caller, string unit, int year, CancellationToken token)
    {
        var timeline = await api.AskAsync(caller, token, () => UnitGrain(unit).GetTimelineAsync());
        var found = timeline.BoardReports.FirstOrDefault(b => b.Year == year)
            ?? throw GrpcErrors.NotFound($"Loop {timeline.Loop} of unit {unit} has no board report for {year}.");
        var report = found.ToApi(unit);
        if (found.SubmittedAt is not null)
        {
            var occurrence = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var document = await api.RunAsync(caller, token, () => UnitGrain(unit).GetDocumentAsync(Model.DocumentKind.BoardReport, occurrence));
            if (document.IsSuccess) report.Content = document.Value.Versions[^1].Content.BoardReport?.ToApi();
            else if (document.Problem.Kind != Contracts.Results.ProblemKind.NotFound) throw document.Problem.ToGrpc();
        }

        return report;
    }
}
