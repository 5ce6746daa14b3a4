using Grpc.Core;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Gateway.Api.Calls;
using OrleansTilsyn.Gateway.Api.Mapping;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>tilsyn.v1.Areas over the area grains (one per loop of an age area: "0-6/2025").</summary>
public sealed class AreasService(ApiCalls api) : Areas.AreasBase
{
    /// <summary>The area grain key of a name such as <c>areas/0-6/loops/2025/themes</c>.</summary>
    private static string LoopKey(ResourceName pattern, string name, string field)
    {
        var parts = pattern.Parse(name, field);
        return CommonMapping.LoopKey(CommonMapping.ParseAreaSegment(parts["area"], field), parts["year"], field);
    }

    public override async Task<ThemeSet> GetThemes(GetThemesRequest request, ServerCallContext context)
    {
        var loop = LoopKey(ResourceNames.Themes, request.Name, "name");
        var caller = ApiCalls.GlobalAccess(context, ApiAction.ReadThemes);
        var themes = await api.RunAsync(caller, context.CancellationToken, () => api.Grain<IAreaGrain>(loop).GetThemesAsync());
        if (themes.IsSuccess) return themes.Value.ToApi();
        if (themes.Problem.Kind != ProblemKind.NotFound) throw themes.Problem.ToGrpc();
        var (area, year) = AreaMapping.LoopSegments(loop);
        return new ThemeSet { Name = ResourceNames.Themes.Format(area, year), LoopId = loop, Version = 0 };
    }

    public override async Task<ThemeSet> SetThemes(SetThemesRequest request, ServerCallContext context)
    {
        var loop = LoopKey(ResourceNames.Themes, request.Name, "name");
        var caller = ApiCalls.GlobalAccess(context, ApiAction.SetThemes);
        Model.ThemeDto[] themes = [.. request.Themes.Select(t => new Model.ThemeDto(t.Code, t.Title))];
        return await api.ChangeAsync(context, caller, request, request.RequestId, async token =>
        {
            var set = await api.AskAsync(caller, token, () => api.Grain<IAreaGrain>(loop).SetThemesAsync([.. themes]), request.Name);
            return set.ToApi();
        });
    }

    public override async Task<FocusAreaOverview> GetFocusAreaOverview(GetFocusAreaOverviewRequest request, ServerCallContext context)
    {
        var loop = LoopKey(ResourceNames.FocusAreaOverview, request.Name, "name");
        var caller = ApiCalls.GlobalAccess(context, ApiAction.ReadAreaReports);
        var overview = await api.AskAsync(caller, context.CancellationToken, () => api.Grain<IAreaGrain>(loop).GetFocusAreaOverviewAsync());
        return overview.ToApi();
    }

    public override async Task<OpsamlingOverview> GetOpsamlingOverview(GetOpsamlingOverviewRequest request, ServerCallContext context)
    {
        var loop = LoopKey(ResourceNames.OpsamlingOverview, request.Name, "name");
        var caller = ApiCalls.GlobalAccess(context, ApiAction.ReadAreaReports);
        var token = context.CancellationToken;
        var overview = await api.AskAsync(caller, token, () => api.Grain<IAreaGrain>(loop).GetOpsamlingOverviewAsync());
        DateOnly? due = null;
        if (overview.Entries.FirstOrDefault() is { } first)
        {
            // Every unit of the loop has the same due day; the loop's calendar knows it.
            var status = await api.RunAsync(caller, token, () => api.Grain<IUnitGrain>(first.Unit).GetStatusAsync());
            if (status is { IsSuccess: true } && status.Value.Loop == loop) due = status.Value.OpsamlingDue;
        }

        return overview.ToApi(due);
    }
}
