using Grpc.Core;
using System.Globalization;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Gateway.Api.Calls;
using OrleansTilsyn.Gateway.Api.Mapping;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;
using OrleansTilsyn.Grains.Domain.Calendar;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>
/// tilsyn.v1.Loops over the unit grains: the loop and its timeline, focus areas and the summing-up here;
/// conversations, agreements, 1:1s and board reports in the other LoopsService.*.cs files. Each change
/// answers with the resource as the unit grain sees it right after the change.
/// </summary>
public sealed partial class LoopsService(ApiCalls api) : Loops.LoopsBase
{
    private IUnitGrain UnitGrain(string unitId) => api.Grain<IUnitGrain>(unitId);

    /// <summary>
    /// A change to a unit's loop, run once per request_id (<see cref="ApiCalls.ChangeAsync"/>): the command on the unit
    /// grain (a refusal names <paramref name="subject"/>, its field paths mapped by <paramref name="fields"/>), then the
    /// answer read back as the grain sees it right after the command.
    /// </summary>
    private Task<T> ChangeUnitAsync<T>(
        ServerCallContext context, Caller caller, Google.Protobuf.IMessage request, string requestId, string unit, string subject,
        Func<IUnitGrain, Task<Contracts.Results.Result<Model.CommandAck>>> command, Func<CancellationToken, Task<T>> readBack,
        Func<string, string>? fields = null)
        where T : class, Google.Protobuf.IMessage =>
        ChangeUnitAsync(context, caller, request, requestId, unit, subject, command, (_, token) => readBack(token), fields);

    /// <summary>As above, for a command that creates something: <paramref name="readBack"/> reads what the acknowledgement names.</summary>
    private Task<T> ChangeUnitAsync<T>(
        ServerCallContext context, Caller caller, Google.Protobuf.IMessage request, string requestId, string unit, string subject,
        Func<IUnitGrain, Task<Contracts.Results.Result<Model.CommandAck>>> command, Func<Model.CommandAck, CancellationToken, Task<T>> readBack,
        Func<string, string>? fields = null)
        where T : class, Google.Protobuf.IMessage =>
        api.ChangeAsync(context, caller, request, requestId, async token =>
        {
            var ack = await api.AskAsync(caller, token, () => command(UnitGrain(unit)), subject, fields);
            return await readBack(ack, token);
        });

    public override async Task<Loop> GetLoop(GetLoopRequest request, ServerCallContext context)
    {
        var unit = ResourceNames.Loop.Parse(request.Name, "name")["unit"];
        var caller = await api.UnitAccessAsync(context, ApiAction.ReadLoopStatus, unit);
        var token = context.CancellationToken;
        var status = await api.AskAsync(caller, token, () => UnitGrain(unit).GetStatusAsync());
        var timeline = await api.AskAsync(caller, token, () => UnitGrain(unit).GetTimelineAsync());
        var focus = await api.AskAsync(caller, token, () => UnitGrain(unit).GetFocusAreasAsync(status.Loop));
        return status.ToApi(timeline, focus.Version);
    }

    public override async Task<LoopTimeline> GetLoopTimeline(GetLoopTimelineRequest request, ServerCallContext context)
    {
        var unit = ResourceNames.Loop.Parse(request.Name, "name")["unit"];
        var caller = await api.UnitAccessAsync(context, ApiAction.ReadLoopStatus, unit);
        var timeline = await api.AskAsync(caller, context.CancellationToken, () => UnitGrain(unit).GetTimelineAsync());
        return timeline.ToApi(unit, DomainDates.DayOf(api.Now));
    }

    public override async Task<FocusAreaSelection> ChooseFocusAreas(ChooseFocusAreasRequest request, ServerCallContext context)
    {
        var unit = ResourceNames.Loop.Parse(request.Name, "name")["unit"];
        var caller = await api.UnitAccessAsync(context, ApiAction.ChooseFocusAreas, unit);
        Model.FocusAreaDto[] areas = [.. request.FocusAreas.Select(f => f.ToModel())];
        return await ChangeUnitAsync(context, caller, request, request.RequestId, unit, request.Name,
            grain => grain.ChooseFocusAreasAsync([.. areas]),
            async token =>
            {
                var status = await api.AskAsync(caller, token, () => UnitGrain(unit).GetStatusAsync());
                var chosen = await api.AskAsync(caller, token, () => UnitGrain(unit).GetFocusAreasAsync(status.Loop));
                var selection = new FocusAreaSelection { Version = chosen.Version, Chosen = CommonMapping.Attribution(caller.AttributedAs, api.Now) };
                selection.FocusAreas.AddRange(chosen.Areas.Select(f => f.ToApi()));
                return selection;
            });
    }

    public override async Task<Opsamling> SubmitOpsamling(SubmitOpsamlingRequest request, ServerCallContext context)
    {
        var unit = ResourceNames.Loop.Parse(request.Parent, "parent")["unit"];
        var caller = await api.UnitAccessAsync(context, ApiAction.SubmitOpsamling, unit);
        return await ChangeUnitAsync(context, caller, request, request.RequestId, unit, request.Parent,
            grain => grain.SubmitOpsamlingAsync(request.Summary),
            async token =>
            {
                var status = await api.AskAsync(caller, token, () => UnitGrain(unit).GetStatusAsync());
                var opsamling = await api.AskAsync(caller, token, () => UnitGrain(unit).GetOpsamlingAsync(status.Loop));
                return new Opsamling
                {
                    Name = ResourceNames.Opsamling.Format(unit),
                    LoopId = opsamling.Loop,
                    Summary = opsamling.Summary ?? "",
                    Submitted = CommonMapping.Attribution(opsamling.SubmittedBy, opsamling.SubmittedAt),
                };
            });
    }

    /// <summary>A period segment ("2025-Spring") of a resource name; INVALID_ARGUMENT on <paramref name="field"/> otherwise.</summary>
    private static string ParsePeriod(string text, string field) =>
        Period.TryParse(text, out var period) && period.ToString() == text
            ? text
            : throw GrpcErrors.InvalidArgument($"'{text}' is not a period.", (field, "the period must look like 2025-Spring or 2025-Autumn"));

    /// <summary>A year segment of a board report name.</summary>
    private static int ParseYear(string text, string field) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= Period.MinYear and <= Period.MaxYear
            ? year
            : throw GrpcErrors.InvalidArgument($"'{text}' is not a year.", (field, $"the year must be {Period.MinYear}-{Period.MaxYear}"));

    /// <summary>A 1:1 key segment ("2025-Spring.2").</summary>
    private static string ParseOneToOneKey(string text, string field)
    {
        var dot = text.LastIndexOf('.');
        var valid = dot > 0 && Period.TryParse(text[..dot], out var period) && period.ToString() == text[..dot]
            && int.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal) && ordinal is > 0 and < 100;
        return valid ? text : throw GrpcErrors.InvalidArgument($"'{text}' is not a 1:1.", (field, "the 1:1 must look like 2025-Spring.2"));
    }
}
