using Grpc.Core;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Gateway.Api.Calls;
using OrleansTilsyn.Gateway.Api.Mapping;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;
using OrleansTilsyn.Grains.Domain.Import;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>tilsyn.v1.Units over the organisation directory grain.</summary>
public sealed class UnitsService(ApiCalls api, ILogger<UnitsService> logger) : Units.UnitsBase
{
    private IOrganisationGrain Directory => api.Grain<IOrganisationGrain>(GrainKeys.Singleton);

    public override async Task<Unit> GetUnit(GetUnitRequest request, ServerCallContext context)
    {
        var unitId = ResourceNames.Unit.Parse(request.Name, "name")["unit"];
        var caller = await api.UnitAccessAsync(context, ApiAction.ReadUnit, unitId);
        var unit = await api.AskAsync(caller, context.CancellationToken, () => Directory.GetUnitAsync(unitId));
        return unit.ToApi();
    }

    public override async Task<ListUnitsResponse> ListUnits(ListUnitsRequest request, ServerCallContext context)
    {
        var caller = ApiCalls.GlobalAccess(context, ApiAction.ListUnits);
        var size = Paging.Size(request.PageSize);
        Model.Sector? sector = request.Sector == Sector.Unspecified ? null : ApiEnums.ToModel<Sector, Model.Sector>(request.Sector, "sector");
        var chief = request.Chief.Length == 0 ? null : ResourceNames.Chief.Parse(request.Chief, "chief")["chief"];
        var scope = AccessPolicy.ScopeOf(caller);
        if (scope.Kind == UnitScopeKind.Portfolio)
        {
            if (chief is not null && chief != scope.ChiefId)
                throw GrpcErrors.PermissionDenied($"Chief {caller.RoleId} may not list the portfolio of chief {chief}.");
            chief = scope.ChiefId;
        }

        if (scope.Kind == UnitScopeKind.Units)
        {
            // A chief filter asks for a portfolio, which only its chief and the administration may list: a leader or
            // board member is refused as a chief asking for another chief's portfolio is, not given an empty page.
            if (chief is not null)
                throw GrpcErrors.PermissionDenied($"{caller.Describe()} may not list the portfolio of chief {chief}; only that chief and the administration may.");
            return await ListOwnUnitsAsync(caller, scope, sector, request, context.CancellationToken);
        }

        var after = Paging.ReadKeyToken(request.PageToken, sector, chief);
        var page = await api.AskAsync(caller, context.CancellationToken,
            () => Directory.ListUnitsAsync(new Model.UnitQuery(size, after, sector, null, chief)));
        var response = new ListUnitsResponse
        {
            TotalSize = page.Total,
            NextPageToken = page.NextPageToken is { } next ? Paging.KeyToken(next, sector, chief) : "",
        };
        response.Units.AddRange(page.Units.Select(u => u.ToApi()));
        return response;
    }

    /// <summary>Leaders and board members: the units of their token.</summary>
    private async Task<ListUnitsResponse> ListOwnUnitsAsync(
        Caller caller, UnitScope scope, Model.Sector? sector, ListUnitsRequest request, CancellationToken cancellationToken)
    {
        var units = new List<Model.UnitDto>();
        foreach (var unitId in scope.UnitIds.Order(StringComparer.Ordinal))
        {
            var found = await api.RunAsync(caller, cancellationToken, () => Directory.GetUnitAsync(unitId));
            if (found is { IsSuccess: true, Value: var unit } && (sector is null || unit.Sector == sector))
            {
                units.Add(unit);
            }
        }

        var (items, next) = Paging.Slice(units, request.PageSize, request.PageToken, sector);
        var response = new ListUnitsResponse { TotalSize = units.Count, NextPageToken = next };
        response.Units.AddRange(items.Select(u => u.ToApi()));
        return response;
    }

    public override async Task<ImportUnitsResponse> ImportUnits(ImportUnitsRequest request, ServerCallContext context)
    {
        var caller = ApiCalls.GlobalAccess(context, ApiAction.ImportUnits);
        var parsed = UnitCsvImport.Parse(request.CsvContent);
        if (!parsed.IsSuccess && ImportLimits.Refused(parsed.Problem)) throw parsed.Problem.ToGrpc();
        if (request.ValidateOnly)
        {
            var checkedOnly = new ImportUnitsResponse { UnitCount = parsed.IsSuccess ? parsed.Value.Length : 0 };
            if (!parsed.IsSuccess) checkedOnly.RowErrors.AddRange(parsed.Problem.ToCsvRowErrors());
            return checkedOnly;
        }

        if (!parsed.IsSuccess) throw parsed.Problem.ToGrpc();
        return await api.ChangeAsync(context, caller, request, request.RequestId, async cancellationToken =>
        {
            var summary = await api.AskAsync(caller, cancellationToken, ImportsPastDeadline.Watched(() => Directory.ImportUnitsAsync(request.CsvContent),
                logger, "ImportUnits", context.CancellationToken, s => $"{s.Created} units created, {s.Updated} updated, {s.NotRegistered.Length} not registered"));
            var response = new ImportUnitsResponse { UnitCount = summary.Units, CreatedCount = summary.Created, UpdatedCount = summary.Updated };
            response.Units.AddRange(parsed.Value.Select(u => ResourceNames.Unit.Format(u.Id.Value)));
            return response;
        });
    }
}
