using Google.Protobuf;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Runtime;
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
public sealed class ReportsService(IGrainFactory grains, RequestKeys requestKeys) : IGrpcService
{
    private const string Service = "tilsyn.v1.Reports";

    public void Register(GrpcServiceRegistry registry)
    {
        registry.Unary<V1.GetTemplateRequest, V1.ReportTemplate>(Service, "GetTemplate", GetTemplateAsync);
        registry.Unary<V1.ListTemplatesRequest, V1.ListTemplatesResponse>(Service, "ListTemplates", ListTemplatesAsync);
        registry.Unary<V1.PublishTemplateRequest, V1.ReportTemplate>(Service, "PublishTemplate", PublishTemplateAsync);
        registry.Unary<V1.StartReportRequest, V1.WrittenReport>(Service, "StartReport", (r, c) =>
            OnReport(c, ApiAction.WriteReport, r.ReportId, async g => (await g.StartAsync()).OrThrow().ToApi(), (r, r.RequestId)));
        registry.Unary<V1.SaveDraftRequest, V1.WrittenReport>(Service, "SaveDraft", (r, c) =>
            OnReport(c, ApiAction.WriteReport, r.ReportId, async g =>
                (await g.SaveDraftAsync(r.Answers.ToContract(), r.HasBasedOnVersion ? r.BasedOnVersion : null)).OrThrow(AnswerFieldPaths.Of(r.Answers)).ToApi(), (r, r.RequestId)));
        registry.Unary<V1.ReportRef, V1.WrittenReport>(Service, "GetReport", (r, c) =>
            OnReport(c, ApiAction.ReadReport, r.ReportId, async g => (await g.GetAsync()).OrThrow().ToApi()));
        registry.Unary<V1.SubmitReportRequest, V1.SubmitReportResponse>(Service, "SubmitReport", (r, c) =>
            OnReport(c, ApiAction.WriteReport, r.ReportId, async g =>
                (await g.SubmitAsync(r.RequestId, r.HasDraftVersion ? r.DraftVersion : null)).OrThrow().ToApi(), (r, r.RequestId)));
        registry.Unary<V1.CorrectReportRequest, V1.SubmitReportResponse>(Service, "CorrectReport", (r, c) =>
            OnReport(c, ApiAction.WriteReport, r.ReportId, async g => (await g.CorrectAsync(r.Answers.ToContract(), r.Reason, r.RequestId)).OrThrow(AnswerFieldPaths.Of(r.Answers)).ToApi(), (r, r.RequestId)));
        registry.Unary<V1.GetReceiptRequest, V1.Receipt>(Service, "GetReceipt", (r, c) =>
            OnReport(c, ApiAction.ReadReport, r.ReportId, async g => (await g.GetReceiptAsync(r.Version == 0 ? null : r.Version)).OrThrow().ToApi()));
        registry.Unary<V1.GetReceiptRequest, V1.PrintableReport>(Service, "RenderPrintable", (r, c) =>
            OnReport(c, ApiAction.ReadReport, r.ReportId, async g => new V1.PrintableReport
            {
                ContentType = "text/html; charset=utf-8", Html = (await g.RenderPrintableAsync(r.Version == 0 ? null : r.Version)).OrThrow(),
            }));
        registry.Unary<V1.ReportRef, V1.ReportStatus>(Service, "GetReportStatus", GetReportStatusAsync);
        registry.Unary<V1.ReviewReportRequest, V1.SupervisionCase>(Service, "ReviewReport", (r, c) =>
            OnCase(c, ApiAction.ReviewBoardReport, r.UnitId, r.Year, u => u.ReviewSupervisionReportAsync(r.Year, r.Decision, r.Reason), (r, r.RequestId)));
        registry.Unary<V1.ScheduleFollowUpMeetingRequest, V1.SupervisionCase>(Service, "ScheduleFollowUpMeeting", (r, c) =>
            OnCase(c, ApiAction.ReviewBoardReport, r.UnitId, r.Year, u => u.ScheduleSupervisionMeetingAsync(r.Year, r.At.ToInstant("at")), (r, r.RequestId)));
        registry.Unary<V1.RecordFollowUpMeetingRequest, V1.SupervisionCase>(Service, "RecordFollowUpMeeting", (r, c) =>
            OnCase(c, ApiAction.ReviewBoardReport, r.UnitId, r.Year, u =>
                u.RecordSupervisionMeetingAsync(r.Year, r.HeldAt.ToInstant("held_at"), r.Notes, [.. r.Attendees]), (r, r.RequestId)));
        registry.Unary<V1.CloseCaseRequest, V1.SupervisionCase>(Service, "CloseCase", (r, c) =>
            OnCase(c, ApiAction.ReviewBoardReport, r.UnitId, r.Year, u => u.CloseSupervisionCaseAsync(r.Year, r.Conclusion), (r, r.RequestId)));
        registry.Unary<V1.CaseRef, V1.SupervisionCase>(Service, "GetCase", (r, c) =>
            OnCase(c, ApiAction.ReadBoardReport, r.UnitId, r.Year, command: null));
    }

    private async Task<V1.ReportTemplate> GetTemplateAsync(V1.GetTemplateRequest request, GrpcCallContext context)
    {
        using var _ = CallContext.As(AccessPolicy.CheckGlobal(context.GetCaller(), ApiAction.ReadReportTemplates).Then(context));
        return (await Templates().GetAsync(request.TemplateId, request.Version == 0 ? null : request.Version)).OrThrow().ToApi();
    }

    private async Task<V1.ListTemplatesResponse> ListTemplatesAsync(V1.ListTemplatesRequest request, GrpcCallContext context)
    {
        using var _ = CallContext.As(AccessPolicy.CheckGlobal(context.GetCaller(), ApiAction.ReadReportTemplates).Then(context));
        var all = (await Templates().ListAsync(request.AllVersions)).OrThrow();
        var size = Math.Min(Paging.Size(request.PageSize), CollectionLimits.TemplatesPerPage);
        var (page, next) = Paging.Slice(all, size, request.PageToken, request.AllVersions);
        var response = new V1.ListTemplatesResponse { NextPageToken = next };
        response.Templates.AddRange(page.Select(t => t.ToApi()));
        return response;
    }

    private async Task<V1.ReportTemplate> PublishTemplateAsync(V1.PublishTemplateRequest request, GrpcCallContext context)
    {
        using var _ = CallContext.As(AccessPolicy.CheckGlobal(context.GetCaller(), ApiAction.PublishReportTemplate).Then(context));
        using var __ = CallContext.ForRequest(KeyOf(context, context.GetCaller(), (request, request.RequestId)));
        return (await Templates().PublishAsync(request.TemplateId, request.ToContract())).OrThrow().ToApi();
    }

    private async Task<V1.ReportStatus> GetReportStatusAsync(V1.ReportRef request, GrpcCallContext context)
    {
        UnitOf(request.ReportId);
        using var _ = CallContext.As(AccessPolicy.CheckGlobal(context.GetCaller(), ApiAction.ReadReportStatus).Then(context));
        var status = await grains.GetGrain<IReportGrain>(request.ReportId).GetStatusAsync();
        if (!status.IsSuccess && status.Problem.Kind == Contracts.Results.ProblemKind.NotFound && status.Problem.Message.EndsWith("not started.", StringComparison.Ordinal))
            return new V1.ReportStatus { ReportId = request.ReportId, Stage = "NotStarted" };
        return status.OrThrow().ToApi();
    }

    /// <param name="change">For a change: the request and its request_id, whose key the grain keeps with the change.</param>
    private async Task<T> OnReport<T>(GrpcCallContext context, ApiAction action, string reportId, Func<IReportGrain, Task<T>> call, (IMessage Request, string Id)? change = null)
    {
        var unit = UnitOf(reportId);
        var caller = await context.RequireUnitAccessAsync(action, unit);
        using var _ = CallContext.As(caller.ToActor());
        using var __ = CallContext.ForRequest(KeyOf(context, caller, change));
        return await call(grains.GetGrain<IReportGrain>(reportId));
    }

    private async Task<V1.SupervisionCase> OnCase(
        GrpcCallContext context, ApiAction action, string unitId, int year,
        Func<IUnitGrain, Task<Contracts.Results.Result<Contracts.Model.CommandAck>>>? command, (IMessage Request, string Id)? change = null)
    {
        if (!Grains.Domain.Organisation.IdRules.IsValid(unitId))
            throw GrpcErrors.InvalidArgument("Invalid request.", ("unit_id", Grains.Domain.Organisation.IdRules.Description));
        var caller = await context.RequireUnitAccessAsync(action, unitId);
        using var _ = CallContext.As(caller.ToActor());
        using var __ = CallContext.ForRequest(KeyOf(context, caller, change));
        var unit = grains.GetGrain<IUnitGrain>(unitId);
        if (command is not null) (await command(unit)).OrThrow();
        return (await unit.GetSupervisionCaseAsync(year)).OrThrow().ToApi();
    }

    private RequestKey? KeyOf(GrpcCallContext context, Caller caller, (IMessage Request, string Id)? change) =>
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
    public static Actor Then(this AccessDecision decision, GrpcCallContext context)
    {
        decision.ThrowIfNotAllowed();
        return context.GetCaller().ToActor();
    }
}
