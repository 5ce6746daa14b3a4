using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using OpenTelemetry;

namespace OrleansTilsyn.Gateway.Tests.Infrastructure;

/// <summary>Raw HTTP calls to the test gateway: HTTP/2 with prior knowledge for native gRPC,
/// HTTP/1.1 for gRPC-Web and JSON, so every byte on the wire is under the test's control.</summary>
public sealed class GrpcTestClient : IDisposable
{
    public const string Grpc = "application/grpc";
    public const string GrpcWeb = "application/grpc-web+proto";
    public const string GrpcWebText = "application/grpc-web-text";
    public const string Json = "application/json";

    private readonly Uri _grpcAddress;
    private readonly Uri _httpAddress;
    private readonly HttpClient _http;

    public GrpcTestClient(GatewayTestServer server)
        : this(server.GrpcAddress, server.HttpAddress)
    {
    }

    /// <summary>A client of any gateway: h2c address for native gRPC, HTTP/1.1 address for gRPC-Web and JSON.</summary>
    public GrpcTestClient(Uri grpcAddress, Uri httpAddress)
    {
        _grpcAddress = grpcAddress;
        _httpAddress = httpAddress;
        _http = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public HttpClient Http => _http;

    /// <summary>Native gRPC over h2c.</summary>
    public Task<GrpcResult> CallAsync(string path, byte[] body, Action<HttpRequestMessage>? configure = null, CancellationToken cancellationToken = default) =>
        SendAsync(Request(_grpcAddress, path, body, Grpc, HttpVersion.Version20, configure), web: false, text: false, cancellationToken);

    public Task<GrpcResult> CallAsync(string path, IMessage request, Action<HttpRequestMessage>? configure = null, CancellationToken cancellationToken = default) =>
        CallAsync(path, Frames.Message(request), configure, cancellationToken);

    /// <summary>gRPC-Web over HTTP/1.1 (binary, or base64 text when <paramref name="contentType"/> is grpc-web-text).</summary>
    public Task<GrpcResult> CallWebAsync(string path, byte[] frames, string contentType = GrpcWeb, Action<HttpRequestMessage>? configure = null)
    {
        var text = contentType.StartsWith(GrpcWebText, StringComparison.Ordinal);
        var body = text ? System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(frames)) : frames;
        return SendAsync(Request(_httpAddress, path, body, contentType, HttpVersion.Version11, configure), web: true, text, CancellationToken.None);
    }

    /// <summary>Any body and content type over HTTP/1.1 (JSON, wrong content types).</summary>
    public Task<GrpcResult> PostHttp1Async(string path, byte[] body, string contentType, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(Request(_httpAddress, path, body, contentType, HttpVersion.Version11, configure), web: false, text: false, CancellationToken.None);

    public Task<GrpcResult> PostJsonAsync(string path, string json, Action<HttpRequestMessage>? configure = null) =>
        PostHttp1Async(path, System.Text.Encoding.UTF8.GetBytes(json), Json, configure);

    /// <summary>Any body and content type over h2c.</summary>
    public Task<GrpcResult> PostHttp2Async(string path, byte[] body, string contentType, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(Request(_grpcAddress, path, body, contentType, HttpVersion.Version20, configure), web: contentType.Contains("grpc-web", StringComparison.Ordinal), text: false, CancellationToken.None);

    public static HttpRequestMessage Request(Uri address, string path, byte[] body, string contentType, Version version, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, path))
        {
            Version = version,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (contentType.StartsWith(Grpc, StringComparison.Ordinal))
        {
            request.Headers.TryAddWithoutValidation("te", "trailers");
        }

        configure?.Invoke(request);
        return request;
    }

    public async Task<GrpcResult> SendAsync(HttpRequestMessage request, bool web, bool text, CancellationToken cancellationToken)
    {
        // A gateway that exports telemetry instruments HttpClient process-wide; this client stands for a remote
        // caller, so that instrumentation must not replace the trace headers a test sets.
        using (SuppressInstrumentationScope.Begin())
        using (request)
        {
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return new GrpcResult(response, body, web, text);
        }
    }

    public void Dispose() => _http.Dispose();
}
