using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Gateway.Api.Calls;
using OrleansTilsyn.Gateway.Api.Mapping;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>
/// tilsyn.v1.Operations: loop health counts of every unit, asked from the unit grains in parallel
/// (bounded). Only counts leave this service: the grains answer operations with counts only
/// (<c>GetHealthAsync</c>); the loop id of a unit is read by the gateway itself, as the service.
/// </summary>
public sealed class OperationsService(ApiCalls api) : IGrpcService
{
    private const string Service = "tilsyn.v1.Operations";
    private const int Parallelism = 32;

    /// <summary>Who reads a unit's loop id for operations: the service itself (reads are not audited; only the id is returned).</summary>
    private static readonly Actor ServiceReader = new("gateway-operations", "system");

    public void Register(GrpcServiceRegistry registry)
    {
        registry.Unary<GetLoopHealthSummaryRequest, LoopHealthSummary>(Service, "GetLoopHealthSummary", GetSummaryAsync);
        registry.Unary<ListUnitLoopHealthRequest, ListUnitLoopHealthResponse>(Service, "ListUnitLoopHealth", ListUnitHealthAsync);
    }

    private async Task<LoopHealthSummary> GetSummaryAsync(GetLoopHealthSummaryRequest request, GrpcCallContext context)
    {
        var caller = ApiCalls.GlobalAccess(context, ApiAction.ReadHealth);
        Model.AgeArea? area = request.AgeArea == AgeArea.Unspecified ? null : ApiEnums.ToModel<AgeArea, Model.AgeArea>(request.AgeArea, "age_area");
        var units = await UnitsAsync(caller, new Model.UnitQuery(Area: area), context.CancellationToken);
        var counts = await CountsAsync(caller, units, context.CancellationToken);
        var summary = new LoopHealthSummary { ComputedAt = api.Now.ToApi(), UnitCount = units.Count, Totals = new LoopHealthCounts() };
        foreach (var group in units.Zip(counts).GroupBy(x => x.First.Sector).OrderBy(g => g.Key))
        {
            var sector = new SectorLoopHealth { Sector = group.Key.ToApi(), UnitCount = group.Count(), Counts = new LoopHealthCounts() };
            foreach (var (_, unitCounts) in group) sector.Counts.Add(unitCounts);
            summary.Totals.Add(sector.Counts);
            summary.BySector.Add(sector);
        }

        summary.UnitsWithOverdue = counts.Count(c => c.HasOverdue());
        return summary;
    }

    private async Task<ListUnitLoopHealthResponse> ListUnitHealthAsync(ListUnitLoopHealthRequest request, GrpcCallContext context)
    {
        var caller = ApiCalls.GlobalAccess(context, ApiAction.ReadHealth);
        Model.Sector? sector = request.Sector == Sector.Unspecified ? null : ApiEnums.ToModel<Sector, Model.Sector>(request.Sector, "sector");
        var token = context.CancellationToken;
        var units = await UnitsAsync(caller, new Model.UnitQuery(Sector: sector), token);
        var rows = units.Zip(await CountsAsync(caller, units, token))
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
        using (CallContext.As(ServiceReader))
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

    /// <summary>The counts of each unit (a unit that cannot answer counts as zero rather than failing the overview).</summary>
    private async Task<LoopHealthCounts[]> CountsAsync(Caller caller, List<Model.UnitDto> units, CancellationToken token)
    {
        var counts = new LoopHealthCounts[units.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, units.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = token },
            async (i, cancel) =>
            {
                var health = await api.RunAsync(caller, cancel, () => api.Grain<IUnitGrain>(units[i].Id).GetHealthAsync());
                counts[i] = health.IsSuccess ? health.Value.ToApi() : new LoopHealthCounts();
            });
        return counts;
    }
}
