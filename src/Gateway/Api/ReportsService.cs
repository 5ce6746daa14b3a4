using Grpc.Core;
using Google.Protobuf;
using OrleansTilsyn.Contracts.Grains;
using Orleans;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Gateway.Api.Calls;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;
using OrleansTilsyn.Grains.Domain.Limits;
using V1 = OrleansTilsyn.Contracts.Api.V1;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>
/// tilsyn.v1.Reports onto the template library, report and unit grains. The gateway checks the unit
/// scope (<see cref="AccessPolicy"/>); the grains decide the finer rules (a draft is the board's own,
/// a supervision report needs a self-owned unit, a leader reads statements but not supervision reports).
/// </summary>
public sealed class ReportsService(IGrainFactory grains, RequestKeys requestKeys) : V1.Reports.ReportsBase
{
    public override Task<V1.WrittenReport> StartReport(V1.StartReportRequest request, ServerCallContext context) =>
        OnReport(context, ApiAction.WriteReport, request.ReportId, async g => (await g.StartAsync()).OrThrow().ToApi(), (request, request.RequestId));

    public override Task<V1.WrittenReport> SaveDraft(V1.SaveDraftRequest request, ServerCallContext context) =>
        OnReport(context, ApiAction.WriteReport, request.ReportId, async g =>
                (await g.SaveDraftAsync(request.Answers.ToContract(), request.HasBasedOnVersion ? request.BasedOnVersion : null)).OrThrow(AnswerFieldPaths.Of(request.Answers)).ToApi(), (request, request.RequestId));

    public override Task<V1.WrittenReport> GetReport(V1.ReportRef request, ServerCallContext context) =>
        OnReport(context, ApiAction.ReadReport, request.ReportId, async g => (await g.GetAsync()).OrThrow().ToApi());

    public override Task<V1.SubmitReportResponse> SubmitReport(V1.SubmitReportRequest request, ServerCallContext context) =>
        OnReport(context, ApiAction.WriteReport, request.ReportId, async g =>
                (await g.SubmitAsync(request.RequestId, request.HasDraftVersion ? request.DraftVersion : null)).OrThrow().ToApi(), (request, request.RequestId));

    public override Task<V1.SubmitReportResponse> CorrectReport(V1.CorrectReportRequest request, ServerCallContext context) =>
        OnReport(context, ApiAction.WriteReport, request.ReportId, async g => (await g.CorrectAsync(request.Answers.ToContract(), request.Reason, request.RequestId)).OrThrow(AnswerFieldPaths.Of(request.Answers)).ToApi(), (request, request.RequestId));

    public override Task<V1.Receipt> GetReceipt(V1.GetReceiptRequest request, ServerCallContext context) =>
        OnReport(context, ApiAction.ReadReport, request.ReportId, async g => (await g.GetReceiptAsync(request.Version == 0 ? null : request.Version)).OrThrow().ToApi());

    public override Task<V1.PrintableReport> RenderPrintable(V1.GetReceiptRequest request, ServerCallContext context) =>
        OnReport(context, ApiAction.ReadReport, request.ReportId, async g => new V1.PrintableReport
            {
                ContentType = "text/html; charset=utf-8", Html = (await g.RenderPrintableAsync(request.Version == 0 ? null : request.Version)).OrThrow(),
            });

    public override Task<V1.SupervisionCase> ReviewReport(V1.ReviewReportRequest request, ServerCallContext context) =>
        OnCase(context, ApiAction.ReviewBoardReport, request.UnitId, request.Year, u => u.ReviewSupervisionReportAsync(request.Year, request.Decision, request.Reason), (request, request.RequestId));

    public override Task<V1.SupervisionCase> ScheduleFollowUpMeeting(V1.ScheduleFollowUpMeetingRequest request, ServerCallContext context) =>
        OnCase(context, ApiAction.ReviewBoardReport, request.UnitId, request.Year, u => u.ScheduleSupervisionMeetingAsync(request.Year, request.At.ToInstant("at")), (request, request.RequestId));

    public override Task<V1.SupervisionCase> RecordFollowUpMeeting(V1.RecordFollowUpMeetingRequest request, ServerCallContext context) =>
        OnCase(context, ApiAction.ReviewBoardReport, request.UnitId, request.Year, u =>
                u.RecordSupervisionMeetingAsync(request.Year, request.HeldAt.ToInstant("held_at"), request.Notes, [.. request.Attendees]), (request, request.RequestId));

    public override Task<V1.SupervisionCase> CloseCase(V1.CloseCaseRequest request, ServerCallContext context) =>
        OnCase(context, ApiAction.ReviewBoardReport, request.UnitId, request.Year, u => u.CloseSupervisionCaseAsync(request.Year, request.Conclusion), (request, request.RequestId));

    public override Task<V1.SupervisionCase> GetCase(V1.CaseRef request, ServerCallContext context) =>
        OnCase(context, ApiAction.ReadBoardReport, request.UnitId, request.Year, command: null);

    public override async Task<V1.ReportTemplate> GetTemplate(V1.GetTemplateRequest request, ServerCallContext context)
    {
        using var _ = CallerContext.As(AccessPolicy.CheckGlobal(context.GetCaller(), ApiAction.ReadReportTemplates).Then(context));
        return (await Templates().GetAsync(request.TemplateId, request.Version == 0 ? null : request.Version)).OrThrow().ToApi();
    }

    public override async Task<V1.ListTemplatesResponse> ListTemplates(V1.ListTemplatesRequest request, ServerCallContext context)
    {
        using var _ = CallerContext.As(AccessPolicy.CheckGlobal(context.GetCaller(), ApiAction.ReadReportTemplates).Then(context));
        var all = (await Templates().ListAsync(request.AllVersions)).OrThrow();
        var size = Math.Min(Paging.Size(request.PageSize), CollectionLimits.TemplatesPerPage);
        var (page, next) = Paging.Slice(all, size, request.PageToken, request.AllVersions);
        var response = new V1.ListTemplatesResponse { NextPageToken = next };
        response.Templates.AddRange(page.Select(t => t.ToApi()));
        return response;
    }

    public override async Task<V1.ReportTemplate> PublishTemplate(V1.PublishTemplateRequest request, ServerCallContext context)
    {
        using var _ = CallerContext.As(AccessPolicy.CheckGlobal(context.GetCaller(), ApiAction.PublishReportTemplate).Then(context));
        using var __ = RequestKeyContext.For(KeyOf(context, context.GetCaller(), (request, request.RequestId)));
        return (await Templates().PublishAsync(request.TemplateId, request.ToContract())).OrThrow().ToApi();
    }

    public override async Task<V1.ReportStatus> GetReportStatus(V1.ReportRef request, ServerCallContext context)
    {
        UnitOf(request.ReportId);
        using var _ = CallerContext.As(AccessPolicy.CheckGlobal(context.GetCaller(), ApiAction.ReadReportStatus).Then(context));
        var status = await grains.GetGrain<IReportGrain>(request.ReportId).GetStatusAsync();
        if (!status.IsSuccess && status.Problem.Kind == Contracts.Results.ProblemKind.NotFound && status.Problem.Message.EndsWith("not started.", StringComparison.Ordinal))
            return new V1.ReportStatus { ReportId = request.ReportId, Stage = "NotStarted" };
        return status.OrThrow().ToApi();
    }

    /// <param name="change">For a change: the request and its request_id, whose key the grain keeps with the change.</param>
    private async Task<T> OnReport<T>(ServerCallContext context, ApiAction action, string reportId, Func<IReportGrain, Task<T>> call, (IMessage Request, string Id)? change = null)
    {
        var unit = UnitOf(reportId);
        var caller = await context.RequireUnitAccessAsync(action, unit);
        using var _ = CallerContext.As(caller.ToIdentity());
        using var __ = RequestKeyContext.For(KeyOf(context, caller, change));
        return await call(grains.GetGrain<IReportGrain>(reportId));
    }

    private async Task<V1.SupervisionCase> OnCase(
        ServerCallContext context, ApiAction action, string unitId, int year,
        Func<IUnitGrain, Task<Contracts.Results.Result<Contracts.Model.CommandAck>>>? command, (IMessage Request, string Id)? change = null)
    {
        if (!Grains.Domain.Organisation.IdRules.IsValid(unitId))
            throw GrpcErrors.InvalidArgument("Invalid request.", ("unit_id", Grains.Domain.Organisation.IdRules.Description));
        var caller = await context.RequireUnitAccessAsync(action, unitId);
        using var _ = CallerContext.As(caller.ToIdentity());
        using var __ = RequestKeyContext.For(KeyOf(context, caller, change));
        var unit = grains.GetGrain<IUnitGrain>(unitId);
        if (command is not null) (await command(unit)).OrThrow();
        return (await unit.GetSupervisionCaseAsync(year)).OrThrow().ToApi();
    }

    private RequestKey? KeyOf(ServerCallContext context, Caller caller, (IMessage Request, string Id)? change) =>
        change is { } c ? requestKeys.For(context, caller, c.Id, c.Request) : null;

    private ITemplateLibraryGrain Templates() => grains.GetGrain<ITemplateLibraryGrain>(GrainKeys.Singleton);

    /// <summary>The unit of a report id "{unit}/{purpose}/{occasion}"; INVALID_ARGUMENT when it is not one.</summary>
    internal static string UnitOf(string reportId)
    {
        if (!Grains.Domain.Reports.ReportId.TryParse(reportId, out var id))
            throw GrpcErrors.InvalidArgument(
                "Invalid request.", ("report_id", "must be {unit}/{purpose}/{occasion} with purpose tilsyn, udtalelse-samtale or udtalelse-kvalitetsrapport, e.g. unit-1/tilsyn/2023"));
        return id.Unit.ToString();
    }
}

/// <summary>How the Reports service acts on the grains as the caller.</summary>
internal static class ReportCallerExtensions
{
    /// <summary>The caller as a grain actor once the decision allows; the denial as a gRPC status otherwise.</summary>
    public static CallerIdentity Then(this AccessDecision decision, ServerCallContext context)
    {
        decision.ThrowIfNotAllowed();
        return context.GetCaller().ToIdentity();
    }
}
