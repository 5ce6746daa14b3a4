using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>CORS for browsers calling gRPC-Web and JSON methods from the configured origins.</summary>
internal sealed class GrpcCors(GrpcGatewayOptions options)
{
    private const string AllowedMethods = "POST, OPTIONS";

    private readonly string _exposedHeaders = string.Join(
        ", ",
        new[] { "grpc-status", "grpc-message", StatusDetailsCodec.HeaderName, MessageCompression.EncodingHeader, MessageCompression.AcceptEncodingHeader }
            .Concat(options.CorsExposedHeaders));

    private bool AnyOrigin => options.CorsAllowedOrigins.Contains("*");

    /// <summary>Adds the CORS response headers to an actual (non-preflight) request from an allowed origin.</summary>
    public void ApplyToResponse(HttpContext http)
    {
        if (AllowedOrigin(http) is not { } origin)
        {
            return;
        }

        var headers = http.Response.Headers;
        SetOrigin(headers, origin);
        headers[HeaderNames.AccessControlExposeHeaders] = _exposedHeaders;
    }

    /// <summary>Answers an OPTIONS preflight: allows POST with whatever headers the browser asks for.</summary>
    public Task HandlePreflightAsync(HttpContext http)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status204NoContent;
        response.Headers[HeaderNames.Allow] = AllowedMethods;
        var requestedMethod = http.Request.Headers[HeaderNames.AccessControlRequestMethod].ToString();
        if (AllowedOrigin(http) is { } origin && string.Equals(requestedMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase))
        {
            SetOrigin(response.Headers, origin);
            response.Headers[HeaderNames.AccessControlAllowMethods] = AllowedMethods;
            var requestedHeaders = http.Request.Headers[HeaderNames.AccessControlRequestHeaders].ToString();
            if (requestedHeaders.Length > 0)
            {
                response.Headers[HeaderNames.AccessControlAllowHeaders] = requestedHeaders;
            }

            response.Headers[HeaderNames.AccessControlMaxAge] =
                options.CorsPreflightMaxAgeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    }

    private string? AllowedOrigin(HttpContext http)
    {
        var origin = http.Request.Headers[HeaderNames.Origin].ToString();
        if (origin.Length == 0)
        {
            return null;
        }

        return AnyOrigin || options.CorsAllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase) ? origin : null;
    }

    private void SetOrigin(IHeaderDictionary headers, string origin)
    {
        if (AnyOrigin && !options.CorsAllowCredentials)
        {
            headers[HeaderNames.AccessControlAllowOrigin] = "*";
        }
        else
        {
            headers[HeaderNames.AccessControlAllowOrigin] = origin;
            headers.Append(HeaderNames.Vary, HeaderNames.Origin);
        }

        if (options.CorsAllowCredentials)
        {
            headers[HeaderNames.AccessControlAllowCredentials] = "true";
        }
    }
}
