using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace OrleansTilsyn.Gateway.Telemetry;

/// <summary>
/// The gateway's trace source <see cref="Name"/>: one span per gRPC call, the parent of the grain
/// calls its handler makes. Its parent is ASP.NET Core's request span when that is recorded, else
/// the caller's W3C <c>traceparent</c> header, so a trace continues from the client either way.
/// </summary>
public static class GatewayTelemetry
{
    public const string Name = "OrleansTilsyn.Gateway";

    public static ActivitySource ActivitySource { get; } = new(Name);

    internal static Activity? StartCall(HttpContext http, string path)
    {
        if (!ActivitySource.HasListeners()) return null;
        var name = path.TrimStart('/');
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var service = slash > 0 ? name[..slash] : name;
        var method = slash > 0 ? name[(slash + 1)..] : "";
        var activity = Activity.Current is not null
            ? ActivitySource.StartActivity(name, ActivityKind.Internal)
            : ActivitySource.StartActivity(name, ActivityKind.Server, RemoteParent(http));
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "grpc");
            activity.SetTag("rpc.service", service);
            activity.SetTag("rpc.method", method);
        }

        return activity;
    }

    internal static void SetStatus(Activity? activity, int code, string? message)
    {
        if (activity is null) return;
        activity.SetTag("rpc.grpc.status_code", code);
        if (code != 0) activity.SetStatus(ActivityStatusCode.Error, message);
    }

    private static ActivityContext RemoteParent(HttpContext http)
    {
        var traceParent = http.Request.Headers["traceparent"].ToString();
        var traceState = http.Request.Headers["tracestate"].ToString();
        return traceParent.Length > 0 && ActivityContext.TryParse(traceParent, traceState.Length > 0 ? traceState : null, isRemote: true, out var parent)
            ? parent
            : default;
    }
}
