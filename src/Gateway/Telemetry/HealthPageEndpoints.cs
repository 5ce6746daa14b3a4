using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Gateway.Hosting;
using OrleansTilsyn.Gateway.Security;
using OrleansTilsyn.Grains.Telemetry;

namespace OrleansTilsyn.Gateway.Telemetry;

public static class HealthPageEndpoints
{
    public const string Route = "/ops/health";

    /// <summary>
    /// GET <see cref="Route"/>: the loop health page for the operations role (a token as for the API);
    /// other roles get 403. The report is computed afresh and published to the Loop meter.
    /// </summary>
    public static IEndpointConventionBuilder MapLoopHealthPage(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Route, async (HttpContext http, LoopHealthCollector collector, LoopMetrics metrics, StoreHealthProbe store) =>
        {
            if (!CallerClaims.TryRead(http.User, out var caller, out var error))
                return Results.Text($"The token is valid but {error}.", "text/plain", statusCode: StatusCodes.Status403Forbidden);
            if (caller.Role != CallerRole.Operations)
                return Results.Text("Only the operations role may read the health page.", "text/plain", statusCode: StatusCodes.Status403Forbidden);
            http.Response.Headers.CacheControl = "no-store";
            var serving = store.StoreReachable;
            try
            {
                var report = await collector.CollectAsync(caller.ToIdentity(), cancellationToken: http.RequestAborted);
                metrics.Publish(report);
                return Results.Content(LoopHealthPage.Render(report, serving), "text/html; charset=utf-8");
            }
            catch (Exception failure) when (failure is ProblemException or StorageUnavailableException or TimeoutException or Orleans.Runtime.OrleansException)
            {
                // The last report (if any) is still worth showing while the store or a grain does not answer.
                return metrics.Latest is { } last
                    ? Results.Content(LoopHealthPage.Render(last, serving), "text/html; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable)
                    : Results.Text("Sundhedstallene kunne ikke beregnes lige nu; prøv igen om lidt.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).RequireAuthorization();
}
