using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>What a handler knows about the call it serves.</summary>
public sealed class GrpcCallContext
{
    internal GrpcCallContext(
        HttpContext httpContext,
        string method,
        GrpcProtocol protocol,
        DateTimeOffset? deadline,
        CancellationToken cancellationToken,
        Metadata requestHeaders)
    {
        HttpContext = httpContext;
        Method = method;
        Protocol = protocol;
        Deadline = deadline;
        CancellationToken = cancellationToken;
        RequestHeaders = requestHeaders;
    }

    /// <summary>The full method path, e.g. <c>/tilsyn.v1.Units/GetUnit</c>.</summary>
    public string Method { get; }

    public GrpcProtocol Protocol { get; }

    /// <summary>When the client stops waiting (from <c>grpc-timeout</c>), or null for no deadline.</summary>
    public DateTimeOffset? Deadline { get; }

    /// <summary>Cancelled when the deadline passes or the client cancels the call.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Custom request metadata (protocol headers such as content-type and grpc-timeout removed).</summary>
    public Metadata RequestHeaders { get; }

    /// <summary>Metadata sent as response headers with the first response message.</summary>
    public Metadata ResponseHeaders { get; } = new();

    /// <summary>Metadata sent as trailers with the status.</summary>
    public Metadata ResponseTrailers { get; } = new();

    /// <summary>The authenticated user (from ASP.NET Core authentication).</summary>
    public ClaimsPrincipal User => HttpContext.User;

    public HttpContext HttpContext { get; }
}
