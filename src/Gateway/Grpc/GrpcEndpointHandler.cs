using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>The ASP.NET Core request delegate of one registered method: picks the protocol from the
/// content type, rejects what cannot be served, then runs the call.</summary>
internal sealed class GrpcEndpointHandler(GrpcMethod method, GrpcServerState server)
{
    public async Task HandleAsync(HttpContext http)
    {
        var protocol = GrpcContentType.Detect(http.Request.ContentType);
        if (protocol is not { } known)
        {
            RejectContentType(http);
            return;
        }

        server.Cors.ApplyToResponse(http);
        if (known == GrpcProtocol.Grpc && !HttpProtocol.IsHttp2(http.Request.Protocol) && !HttpProtocol.IsHttp3(http.Request.Protocol))
        {
            RejectHttp1(http);
            return;
        }

        var transport = CallTransportFactory.Create(known, http, server.Options, server.Json, method.Type);
        Metadata requestHeaders;
        TimeSpan? timeout;
        try
        {
            ValidateMethodForProtocol(known);
            timeout = ReadTimeout(http);
            requestHeaders = MetadataCodec.FromRequestHeaders(http.Request.Headers);
        }
        catch (GrpcStatusException e)
        {
            GrpcLog.CallRejected(server.Logger, method.Path, e.StatusCode, e.Message);
            await transport.WriteStatusAsync(e.Status);
            return;
        }

        RemoveBodyLimits(http);
        using var call = new GrpcCall(http, method, known, transport, timeout, requestHeaders, server.Options, server.Logger);
        await call.RunAsync();
    }

    /// <summary>Ends a call that authorization refused, in the caller's protocol; false when the request
    /// is not a gRPC, gRPC-Web or JSON call (then ASP.NET Core's default challenge/forbid applies).</summary>
    public async Task<bool> TryRejectAsync(HttpContext http, GrpcStatus status)
    {
        if (GrpcContentType.Detect(http.Request.ContentType) is not { } protocol)
        {
            return false;
        }

        server.Cors.ApplyToResponse(http);
        var transport = CallTransportFactory.Create(protocol, http, server.Options, server.Json, method.Type);
        await transport.WriteStatusAsync(status);
        return true;
    }

    /// <summary>415 for a content type that is not gRPC, gRPC-Web or JSON (gRPC over HTTP/2 spec).</summary>
    internal static void RejectContentType(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        http.Response.Headers["grpc-status"] = ((int)StatusCode.Internal).ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["grpc-message"] = GrpcMessageEncoding.Encode($"Content-Type '{http.Request.ContentType}' is not supported.");
    }

    /// <summary>Native gRPC needs HTTP/2 trailers; over HTTP/1.1 only gRPC-Web and JSON work.</summary>
    private static void RejectHttp1(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
        http.Response.Headers["grpc-status"] = ((int)StatusCode.Internal).ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["grpc-message"] = GrpcMessageEncoding.Encode(
            $"{http.Request.Protocol} cannot carry application/grpc; use HTTP/2, gRPC-Web or JSON.");
    }

    private void ValidateMethodForProtocol(GrpcProtocol protocol)
    {
        if (protocol == GrpcProtocol.Json && method.Type == GrpcMethodType.DuplexStreaming)
        {
            throw new GrpcStatusException(StatusCode.Unimplemented, $"{method.Path} is bidirectional streaming, which JSON cannot carry.");
        }
    }

    private static TimeSpan? ReadTimeout(HttpContext http)
    {
        var header = http.Request.Headers[GrpcTimeout.HeaderName].ToString();
        if (header.Length == 0)
        {
            return null;
        }

        return GrpcTimeout.TryParse(header, out var timeout)
            ? timeout
            : throw GrpcErrors.Internal($"Malformed grpc-timeout '{header}'.");
    }

    /// <summary>Message size limits apply per message instead; streams may be long-lived and idle.</summary>
    private static void RemoveBodyLimits(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } maxSize)
        {
            maxSize.MaxRequestBodySize = null;
        }

        if (http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minRate)
        {
            minRate.MinDataRate = null;
        }
    }
}
