using Grpc.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansTilsyn.Gateway.Api.Calls;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Results;
using Orleans;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>Registers tilsyn.v1.Reports and the plain HTTP print page of a submitted report.</summary>
public static class ReportsApiExtensions
{
    public const string PrintRoute = "/reports/{unit}/{year:int}/print";

    public static IServiceCollection AddReportsApi(this IServiceCollection services)
    {
        services.TryAddSingleton(new RequestKeys(TimeProvider.System));
        return services.AddSingleton<ReportsService>();
    }

    /// <summary>
    /// GET /reports/{unit}/{year}/print[?version=n]: the submitted supervision report as HTML a browser
    /// opens and prints (bearer token required; the same read rules as GetReport).
    /// </summary>
    public static IEndpointConventionBuilder MapReportPrintRoute(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(PrintRoute, async (string unit, int year, int? version, HttpContext http, AccessPolicy policy, IGrainFactory grains) =>
        {
            if (!CallerClaims.TryRead(http.User, out var caller, out var error))
                return Results.Text($"The token is valid but {error}.", "text/plain", statusCode: StatusCodes.Status403Forbidden);
            var decision = await policy.CheckUnitAsync(caller, ApiAction.ReadReport, unit, http.RequestAborted);
            if (!decision.IsAllowed)
                return Results.Text(decision.Message, "text/plain", statusCode: decision.Code == StatusCode.NotFound ? 404 : 403);
            Result<string> html;
            using (CallerContext.As(caller.ToIdentity()))
                html = await grains.GetGrain<IReportGrain>($"{unit}/tilsyn/{year}").RenderPrintableAsync(version);
            if (html.IsSuccess) return Results.Content(html.Value, "text/html; charset=utf-8");
            var status = html.Problem.Kind switch
            {
                ProblemKind.NotFound => 404,
                ProblemKind.PermissionDenied => 403,
                ProblemKind.Invalid => 400,
                _ => 409,
            };
            return Results.Text(html.Problem.Message, "text/plain", statusCode: status);
        }).RequireAuthorization();
}
