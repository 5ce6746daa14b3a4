using Grpc.Core;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Gateway.Api.Calls;
using OrleansTilsyn.Grains.Telemetry;
using OrleansTilsyn.Gateway.Api.Mapping;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>
/// tilsyn.v1.Operations: loop health counts of every unit, asked from the unit grains in parallel
/// (bounded). Only counts leave this service: the grains answer operations with counts only
/// (<c>GetHealthAsync</c>); the loop id of a unit is read by the gateway itself, as the service.
/// The summary is the same report the Loop meter and the health page show: a summary of all units
/// is published to the meter as its latest report.
/// </summary>
public sealed class OperationsService(ApiCalls api, LoopHealthCollector collector, LoopMetrics metrics) : Operations.OperationsBase
{
    /// <summary>Who reads a unit's loop id for operations: the service itself (reads are not audited; only the id is returned).</summary>
    private static readonly CallerIdentity ServiceReader = new("system:gateway-operations", "Driftsoversigt", CallerIdentity.SystemRole, "gateway-operations");

    public override async Task<LoopHealthSummary> GetLoopHealthSummary(GetLoopHealthSummaryRequest request, ServerCallContext context)
    {
        var caller = ApiCalls.GlobalAccess(context, ApiAction.ReadHealth);
        Model.AgeArea? area = request.AgeArea == AgeArea.Unspecified ? null : ApiEnums.ToModel<AgeArea, Model.AgeArea>(request.AgeArea, "age_area");
        var token = context.CancellationToken;
        var units = await UnitsAsync(caller, new Model.UnitQuery(Area: area), token);
        var counts = await collector.CountAsync(caller.ToIdentity(), units, token);
        var report = await api.RunAsync(caller, token, () => collector.SummarizeAsync(caller.ToIdentity(), units, counts, token));
        if (area is null) metrics.Publish(report);
        return report.ToApi();
    }

    public override async Task<ListUnitLoopHealthResponse> ListUnitLoopHealth(ListUnitLoopHealthRequest request, ServerCallContext context)
    {
        var caller = ApiCalls.GlobalAccess(context, ApiAction.ReadHealth);
        Model.Sector? sector = request.Sector == Sector.Unspecified ? null : ApiEnums.ToModel<Sector, Model.Sector>(request.Sector, "sector");
        var token = context.CancellationToken;
        var units = await UnitsAsync(caller, new Model.UnitQuery(Sector: sector), token);
        var rows = units.Zip((await collector.CountAsync(caller.ToIdentity(), units, token)).Select(c => c.ToApi()))
            .Where(x => !request.OverdueOnly || x.Second.HasOverdue())
            .ToList();
        var (page, next) = Paging.Slice(rows, request.PageSize, request.PageToken, sector, request.OverdueOnly);
        var response = new ListUnitLoopHealthResponse { NextPageToken = next, TotalSize = rows.Count };
        foreach (var (unit, counts) in page)
        {
            response.Units.Add(new UnitLoopHealth
            {
                Unit = ResourceNames.Unit.Format(unit.Id), Sector = unit.Sector.ToApi(), LoopId = await LoopIdAsync(unit.Id, token), Counts = counts,
            });
        }

        return response;
    }

    private async Task<string> LoopIdAsync(string unit, CancellationToken token)
    {
        using (CallerContext.As(ServiceReader))
        {
            try
            {
                var status = await api.Grain<IUnitGrain>(unit).GetStatusAsync().WaitAsync(token);
                return status.IsSuccess ? status.Value.Loop : "";
            }
            catch (Exception e) when (ApiCalls.Translate(e) is not null)
            {
                return "";
            }
        }
    }

    /// <summary>Every unit of the directory matching the filter, ordered by id.</summary>
    private async Task<List<Model.UnitDto>> UnitsAsync(Caller caller, Model.UnitQuery filter, CancellationToken token)
    {
        var units = new List<Model.UnitDto>();
        string? after = null;
        do
        {
            var page = await api.AskAsync(caller, token, () => api.Grain<IOrganisationGrain>(GrainKeys.Singleton)
                .ListUnitsAsync(filter with { PageSize = 5000, PageToken = after }));
            units.AddRange(page.Units);
            after = page.NextPageToken;
        }
        while (after is not null);
        return units;
    }
}
