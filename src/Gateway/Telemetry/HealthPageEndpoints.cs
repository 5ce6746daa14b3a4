using OrleansTilsyn.Gateway.Grpc.Health;
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
        endpoints.MapGet(Route, async (HttpContext http, LoopHealthCollector collector, LoopMetrics metrics, IGrpcHealthSource health) =>
        {
            if (!CallerClaims.TryRead(http.User, out var caller, out var error))
                return Results.Text($"The token is valid but {error}.", "text/plain", statusCode: StatusCodes.Status403Forbidden);
            if (caller.Role != CallerRole.Operations)
                return Results.Text("Only the operations role may read the health page.", "text/plain", statusCode: StatusCodes.Status403Forbidden);
            var report = await collector.CollectAsync(caller.ToActor(), cancellationToken: http.RequestAborted);
            metrics.Publish(report);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Content(LoopHealthPage.Render(report, health.GetStatus("") == GrpcServingStatus.Serving), "text/html; charset=utf-8");
        }).RequireAuthorization();
}
