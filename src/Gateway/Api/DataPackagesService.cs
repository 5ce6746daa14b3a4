using Grpc.Core;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Gateway.Api.Calls;
using OrleansTilsyn.Gateway.Api.Mapping;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Import;
using DataPackageCsv = OrleansTilsyn.Grains.Domain.DataPackages.DataPackageCsv;
using DataPackageTargets = OrleansTilsyn.Grains.Domain.DataPackages.DataPackageTargets;
using OrleansTilsyn.Grains.Mapping;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>
/// tilsyn.v1.DataPackages over the data package grains (one per sector and half-year). A unit's list is
/// the half-years from two years before its loop started until now that have a release of its sector.
/// </summary>
public sealed class DataPackagesService(ApiCalls api, ILogger<DataPackagesService> logger) : DataPackages.DataPackagesBase
{
    private const int MaxCorrectionReasonLength = 1000;

    public override async Task<ImportDataPackageReleaseResponse> ImportDataPackageRelease(ImportDataPackageReleaseRequest request, ServerCallContext context)
    {
        var caller = ApiCalls.GlobalAccess(context, ApiAction.ImportDataPackage);
        var sector = CommonMapping.ParseSectorSegment(ResourceNames.Sector.Parse(request.Parent, "parent")["sector"], "parent");
        if (!Period.TryParse(request.Period, out var period) || period.ToString() != request.Period)
            throw GrpcErrors.InvalidArgument($"'{request.Period}' is not a period.", ("period", "must look like 2025-Spring or 2025-Autumn"));
        var reason = CommonMapping.OptionalText(request.CorrectionReason, "correction_reason", MaxCorrectionReasonLength);
        if (ImportLimits.DataPackage.CheckSize(request.CsvContent) is { } tooLarge) throw tooLarge.ToGrpc();
        if (request.ValidateOnly)
        {
            return await ValidateAsync(caller, sector, period, request.CsvContent, context.CancellationToken);
        }

        var package = api.Grain<IDataPackageGrain>(GrainKeys.DataPackage(sector, request.Period));
        return await api.ChangeAsync(context, caller, request, request.RequestId, async token =>
        {
            var release = await api.AskAsync(caller, token, ImportsPastDeadline.Watched(() => package.ImportAsync(request.CsvContent, reason),
                logger, "ImportDataPackageRelease", context.CancellationToken, r => $"version {r.Version} with {r.Values} values released"), request.Parent);
            return new ImportDataPackageReleaseResponse { Release = release.ToApi() };
        });
    }

    /// <summary>Parses the file against the directory's units (of every sector, so a row of another sector's unit says which), as the import would, and changes nothing.</summary>
    private async Task<ImportDataPackageReleaseResponse> ValidateAsync(Caller caller, Model.Sector sector, Period period, string csv, CancellationToken token)
    {
        var units = new List<Model.UnitDto>();
        string? after = null;
        do
        {
            var page = await api.AskAsync(caller, token, () => api.Grain<IOrganisationGrain>(GrainKeys.Singleton)
                .ListUnitsAsync(new Model.UnitQuery(PageSize: 5000, PageToken: after)));
            units.AddRange(page.Units);
            after = page.NextPageToken;
        }
        while (after is not null);
        var targets = DataPackageTargets.From(units.Select(u => u.ToDomain().Ok));
        var parsed = DataPackageCsv.Parse(csv, sector, period, targets, caller.AttributedAs, api.Now);
        if (!parsed.IsSuccess && ImportLimits.Refused(parsed.Problem)) throw parsed.Problem.ToGrpc();
        var response = new ImportDataPackageReleaseResponse();
        if (!parsed.IsSuccess) response.RowErrors.AddRange(parsed.Problem.ToCsvRowErrors());
        return response;
    }

    public override async Task<UnitDataPackage> GetUnitDataPackage(GetUnitDataPackageRequest request, ServerCallContext context)
    {
        var parts = ResourceNames.UnitDataPackage.Parse(request.Name, "name");
        var unit = parts["unit"];
        if (!Period.TryParse(parts["period"], out var period) || period.ToString() != parts["period"])
            throw GrpcErrors.InvalidArgument($"'{parts["period"]}' is not a period.", ("name", "the period must look like 2025-Spring or 2025-Autumn"));
        var caller = await api.UnitAccessAsync(context, ApiAction.ReadDataPackage, unit);
        var token = context.CancellationToken;
        var found = await api.AskAsync(caller, token, () => api.Grain<IOrganisationGrain>(GrainKeys.Singleton).GetUnitAsync(unit));
        var package = await api.AskAsync(caller, token, () => api.Grain<IDataPackageGrain>(GrainKeys.DataPackage(found.Sector, parts["period"])).GetForUnitAsync(unit));
        var suppression = await api.RunAsync(caller, token, () => api.Grain<IConfigurationGrain>(GrainKeys.Singleton).GetSuppressionAsync());
        return package.ToApi(suppression.MinimumGroupSize, withIndicators: true);
    }

    public override async Task<ListUnitDataPackagesResponse> ListUnitDataPackages(ListUnitDataPackagesRequest request, ServerCallContext context)
    {
        var unit = ResourceNames.Unit.Parse(request.Parent, "parent")["unit"];
        var caller = await api.UnitAccessAsync(context, ApiAction.ReadDataPackage, unit);
        var token = context.CancellationToken;
        var status = await api.AskAsync(caller, token, () => api.Grain<IUnitGrain>(unit).GetStatusAsync());
        var suppression = await api.RunAsync(caller, token, () => api.Grain<IConfigurationGrain>(GrainKeys.Singleton).GetSuppressionAsync());
        var released = new List<UnitDataPackage>();
        foreach (var period in Candidates(status.Treatment.Year - 2, DomainDates.DayOf(api.Now)))
        {
            var key = GrainKeys.DataPackage(status.Unit.Sector, period.ToString());
            var package = await api.RunAsync(caller, token, () => api.Grain<IDataPackageGrain>(key).GetForUnitAsync(unit));
            if (package.IsSuccess) released.Add(package.Value.ToApi(suppression.MinimumGroupSize, withIndicators: false));
            else if (package.Problem.Kind != ProblemKind.NotFound) throw package.Problem.ToGrpc();
        }

        var (page, next) = Paging.Slice(released, request.PageSize, request.PageToken, unit);
        var response = new ListUnitDataPackagesResponse { NextPageToken = next, TotalSize = released.Count };
        response.DataPackages.AddRange(page);
        return response;
    }

    /// <summary>Half-years from <paramref name="fromYear"/> to this year, newest first.</summary>
    private static IEnumerable<Period> Candidates(int fromYear, DateOnly today)
    {
        for (var year = Math.Min(today.Year, Period.MaxYear); year >= Math.Max(fromYear, Period.MinYear); year--)
        {
            yield return new Period(year, Model.Season.Autumn);
            yield return new Period(year, Model.Season.Spring);
        }
    }
}
