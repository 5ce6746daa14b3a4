using Grpc.Core;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Api.Calls;
using OrleansTilsyn.Gateway.Api.Mapping;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>Conversations: schedule, hold, minutes and their corrections, the board's statements, the agenda.</summary>
public sealed partial class LoopsService
{
    private (string Unit, string Period) ConversationName(string name, string field)
    {
        var parts = ResourceNames.Conversation.Parse(name, field);
        return (parts["unit"], ParsePeriod(parts["period"], field));
    }

    public override async Task<Conversation> GetConversation(GetConversationRequest request, ServerCallContext context)
    {
        var (unit, period) = ConversationName(request.Name, "name");
        var caller = await api.UnitAccessAsync(context, ApiAction.ReadMeetingContent, unit);
        var conversation = await ReadConversationAsync(caller, unit, period, context.CancellationToken);
        var token = context.CancellationToken;
        if (conversation.RecordVersion > 0)
        {
            var minutes = await api.AskAsync(caller, token, () => UnitGrain(unit).GetDocumentAsync(Model.DocumentKind.Minutes, period));
            conversation.Records.AddRange(minutes.Versions.Select(v => ToRecord(unit, period, v)));
        }

        if (conversation.Status == ConversationStatus.Held)
        {
            var tasks = await api.AskAsync(caller, token, () => UnitGrain(unit).GetTasksAsync(new Model.TaskQuery(Model.AssigneeRole.Leader, IncludeDone: true)));
            conversation.MinutesDue = tasks.FirstOrDefault(t => t.Kind == Model.TaskKind.WriteMinutes && t.Occurrence == period)?.Due.ToApi();
        }

        return conversation;
    }

    public override async Task<Conversation> ScheduleConversation(ScheduleConversationRequest request, ServerCallContext context)
    {
        var (unit, period) = ConversationName(request.Name, "name");
        var caller = await api.UnitAccessAsync(context, ApiAction.ConductConversation, unit);
        var at = request.ScheduledFor.ToInstant("scheduled_for");
        return await ChangeUnitAsync(context, caller, request, request.RequestId, unit, request.Name,
            grain => grain.ScheduleConversationAsync(period, at),
            token => ReadConversationAsync(caller, unit, period, token));
    }

    public override async Task<Conversation> HoldConversation(HoldConversationRequest request, ServerCallContext context)
    {
        var (unit, period) = ConversationName(request.Name, "name");
        var caller = await api.UnitAccessAsync(context, ApiAction.ConductConversation, unit);
        var at = request.HeldAt.ToInstant("held_at");
        return await ChangeUnitAsync(context, caller, request, request.RequestId, unit, request.Name,
            grain => grain.HoldConversationAsync(period, at),
            token => ReadConversationAsync(caller, unit, period, token));
    }

    public override async Task<ConversationRecord> SubmitConversationRecord(SubmitConversationRecordRequest request, ServerCallContext context)
    {
        var (unit, period) = ConversationName(request.Name, "name");
        var caller = await api.UnitAccessAsync(context, ApiAction.ConductConversation, unit);
        var minutes = request.Record.ToModel("record");
        return await ChangeUnitAsync(context, caller, request, request.RequestId, unit, request.Name,
            grain => grain.SubmitMinutesAsync(period, minutes),
            (ack, token) => WrittenRecordAsync(caller, unit, period, ack, token), FieldPaths.Under("record"));
    }

    public override async Task<ConversationRecord> CorrectConversationRecord(CorrectConversationRecordRequest request, ServerCallContext context)
    {
        var (unit, period) = ConversationName(request.Name, "name");
        var caller = await api.UnitAccessAsync(context, ApiAction.ConductConversation, unit);
        var minutes = request.Record.ToModel("record");
        if (request.ExpectedVersion < 0) throw GrpcErrors.InvalidArgument("expected_version must not be negative.", ("expected_version", "must be 0 (no check) or a version"));
        int? expected = request.ExpectedVersion > 0 ? request.ExpectedVersion : null;
        return await ChangeUnitAsync(context, caller, request, request.RequestId, unit, request.Name,
            grain => grain.CorrectMinutesAsync(period, minutes, request.Reason, expected),
            (ack, token) => WrittenRecordAsync(caller, unit, period, ack, token), FieldPaths.Under("record", "reason", "expected_version"));
    }

    public override async Task<BoardStatement> AddBoardStatement(AddBoardStatementRequest request, ServerCallContext context)
    {
        var (unit, period) = ConversationName(request.Parent, "parent");
        var caller = await api.UnitAccessAsync(context, ApiAction.AddBoardStatement, unit);
        return await ChangeUnitAsync(context, caller, request, request.RequestId, unit, request.Parent,
            grain => grain.AddBoardStatementAsync(period, request.Text),
            async (ack, token) =>
            {
                var statements = await api.AskAsync(caller, token, () => UnitGrain(unit).GetDocumentAsync(Model.DocumentKind.BoardStatement, period));
                return Written(statements, ack, Model.DocumentKind.BoardStatement).ToBoardStatement();
            });
    }

    public override async Task<ListBoardStatementsResponse> ListBoardStatements(ListBoardStatementsRequest request, ServerCallContext context)
    {
        var (unit, period) = ConversationName(request.Parent, "parent");
        var caller = await api.UnitAccessAsync(context, ApiAction.ReadBoardStatements, unit);
        var token = context.CancellationToken;
        await ReadConversationAsync(caller, unit, period, token);
        var statements = await api.RunAsync(caller, token, () => UnitGrain(unit).GetDocumentAsync(Model.DocumentKind.BoardStatement, period));
        if (!statements.IsSuccess && statements.Problem.Kind != Contracts.Results.ProblemKind.NotFound) throw statements.Problem.ToGrpc();
        var all = statements.IsSuccess ? statements.Value.Versions : [];
        var (page, next) = Paging.Slice(all, request.PageSize, request.PageToken, request.Parent);
        var response = new ListBoardStatementsResponse { NextPageToken = next, TotalSize = all.Length };
        response.Statements.AddRange(page.Select(v => v.ToBoardStatement()));
        return response;
    }

    public override async Task<ConversationAgenda> GetConversationAgenda(GetConversationAgendaRequest request, ServerCallContext context)
    {
        var (unit, period) = ConversationName(request.Name, "name");
        var caller = await api.UnitAccessAsync(context, ApiAction.ReadMeetingContent, unit);
        var agenda = await api.AskAsync(caller, context.CancellationToken, () => UnitGrain(unit).GetConversationAgendaAsync(period));
        return agenda.ToApi(unit);
    }

    /// <summary>The conversation of the current loop (without minutes); NOT_FOUND when the loop has none in the period.</summary>
    private async Task<Conversation> ReadConversationAsync(Caller caller, string unit, string period, CancellationToken token)
    {
        var timeline = await api.AskAsync(caller, token, () => UnitGrain(unit).GetTimelineAsync());
        var conversation = timeline.Conversations.FirstOrDefault(c => c.Period == period)
            ?? throw GrpcErrors.NotFound($"Loop {timeline.Loop} of unit {unit} has no conversation in {period}.");
        return conversation.ToApi(unit);
    }

    /// <summary>The minutes version the acknowledged command wrote (not the newest: another correction may have followed).</summary>
    private async Task<ConversationRecord> WrittenRecordAsync(Caller caller, string unit, string period, Model.CommandAck ack, CancellationToken token)
    {
        var minutes = await api.AskAsync(caller, token, () => UnitGrain(unit).GetDocumentAsync(Model.DocumentKind.Minutes, period));
        return ToRecord(unit, period, Written(minutes, ack, Model.DocumentKind.Minutes));
    }

    /// <summary>The version of <paramref name="document"/> that <paramref name="ack"/> says its command wrote.</summary>
    private static Model.DocumentVersionDto Written(Model.DocumentDto document, Model.CommandAck ack, Model.DocumentKind kind)
    {
        var version = ack.WrittenVersion(kind) ?? throw new InvalidOperationException($"The command wrote no {kind}.");
        return document.Versions.FirstOrDefault(v => v.Version == version)
            ?? throw GrpcErrors.Unavailable($"{kind} version {version} is written but not yet readable; read it again shortly.");
    }

    private static ConversationRecord ToRecord(string unit, string period, Model.DocumentVersionDto version) => new()
    {
        Name = ResourceNames.ConversationRecord.Format(unit, period, version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Version = version.Version,
        Content = version.Content.Minutes?.ToApi() ?? new ConversationRecordContent(),
        Written = CommonMapping.Attribution(version.WrittenBy, version.WrittenAt),
        CorrectionReason = version.CorrectionReason ?? "",
    };
}
