using Grpc.Core;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Api.Mapping;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>1:1 follow-ups between chief and leader: read, schedule, hold, record, agenda.</summary>
public sealed partial class LoopsService
{
    private (string Unit, string Key) OneToOneName(string name, string field)
    {
        var parts = ResourceNames.OneToOne.Parse(name, field);
        return (parts["unit"], ParseOneToOneKey(parts["one_to_one"], field));
    }

    public override async Task<OneToOne> GetOneToOne(GetOneToOneRequest request, ServerCallContext context)
    {
        var (unit, key) = OneToOneName(request.Name, "name");
        var caller = await api.UnitAccessAsync(context, ApiAction.ManageOneToOnes, unit);
        return await ReadOneToOneAsync(caller, unit, key, context.CancellationToken);
    }

    public override async Task<OneToOne> ScheduleOneToOne(ScheduleOneToOneRequest request, ServerCallContext context)
    {
        var (unit, key) = OneToOneName(request.Name, "name");
        var caller = await api.UnitAccessAsync(context, ApiAction.ManageOneToOnes, unit);
        var at = request.ScheduledFor.ToInstant("scheduled_for");
        return await ChangeUnitAsync(context, caller, request, request.RequestId, unit, request.Name,
            grain => grain.ScheduleOneToOneAsync(key, at),
            token => ReadOneToOneAsync(caller, unit, key, token));
    }

    public override async Task<OneToOne> HoldOneToOne(HoldOneToOneRequest request, ServerCallContext context)
    {
        var (unit, key) = OneToOneName(request.Name, "name");
        var caller = await api.UnitAccessAsync(context, ApiAction.ManageOneToOnes, unit);
        var at = request.HeldAt.ToInstant("held_at");
        return await ChangeUnitAsync(context, caller, request, request.RequestId, unit, request.Name,
            grain => grain.HoldOneToOneAsync(key, at),
            token => ReadOneToOneAsync(caller, unit, key, token));
    }

    public override async Task<OneToOne> RecordOneToOne(RecordOneToOneRequest request, ServerCallContext context)
    {
        var (unit, key) = OneToOneName(request.Name, "name");
        var caller = await api.UnitAccessAsync(context, ApiAction.ManageOneToOnes, unit);
        var record = request.Record.ToModel("record");
        return await ChangeUnitAsync(context, caller, request, request.RequestId, unit, request.Name,
            grain => grain.RecordOneToOneAsync(key, record),
            token => ReadOneToOneAsync(caller, unit, key, token), FieldPaths.Under("record"));
    }

    public override async Task<OneToOneAgenda> GetOneToOneAgenda(GetOneToOneAgendaRequest request, ServerCallContext context)
    {
        var (unit, key) = OneToOneName(request.Name, "name");
        var caller = await api.UnitAccessAsync(context, ApiAction.ManageOneToOnes, unit);
        var agenda = await api.AskAsync(caller, context.CancellationToken, () => UnitGrain(unit).GetOneToOneAgendaAsync(key));
        return agenda.ToApi(unit);
    }

    /// <summary>The 1:1 of the current loop with its record, if written; NOT_FOUND when the loop has no such 1:1.</summary>
    private async Task<OneToOne> ReadOneToOneAsync(Caller caller, string unit, string key, CancellationToken token)
    {
        var timeline = await api.AskAsync(caller, token, () => UnitGrain(unit).GetTimelineAsync());
        var found = timeline.OneToOnes.FirstOrDefault(o => o.Key == key)
            ?? throw GrpcErrors.NotFound($"Loop {timeline.Loop} of unit {unit} has no 1:1 {key}.");
        var oneToOne = found.ToApi(unit);
        if (found.RecordedAt is not null)
        {
            var document = await api.AskAsync(caller, token, () => UnitGrain(unit).GetDocumentAsync(Model.DocumentKind.OneToOneRecord, key));
            var latest = document.Versions[^1];
            oneToOne.Record = new OneToOneRecord
            {
                Content = latest.Content.OneToOneRecord?.ToApi() ?? new OneToOneRecordContent(),
                Written = CommonMapping.Attribution(latest.WrittenBy, latest.WrittenAt),
            };
        }

        return oneToOne;
    }
}
