using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrleansTilsyn.Gateway.Tests.Telemetry;

/// <summary>
/// A tiny OTLP receiver on a loopback port: OTLP/HTTP (protobuf, <c>/v1/{signal}</c>) over HTTP/1.1, or
/// OTLP/gRPC over cleartext HTTP/2 (<c>/opentelemetry.proto.collector.{signal}.v1.*/Export</c>, answered
/// with an empty message and grpc-status 0). Keeps every export request's signal and body.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app, ConcurrentQueue<(string Path, byte[] Body)> requests)
    {
        _app = app;
        Requests = requests;
        Endpoint = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
    }

    public string Endpoint { get; }

    public ConcurrentQueue<(string Path, byte[] Body)> Requests { get; }

    public static async Task<OtlpReceiver> StartAsync(bool grpc = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, o => o.Protocols = grpc ? HttpProtocols.Http2 : HttpProtocols.Http1));
        var app = builder.Build();
        var requests = new ConcurrentQueue<(string, byte[])>();
        app.MapPost("/v1/{signal}", async (string signal, HttpContext http) =>
        {
            requests.Enqueue(($"/v1/{signal}", await ReadAsync(http)));
            http.Response.ContentType = "application/x-protobuf";
        });
        app.MapPost("/opentelemetry.proto.collector.{signal}.v1.{service}/Export", async (string signal, HttpContext http) =>
        {
            var framed = await ReadAsync(http);
            // The gRPC packages are singular for traces (collector.trace.v1), plural for the others.
            requests.Enqueue(($"/v1/{(signal == "trace" ? "traces" : signal)}", framed.Length >= 5 ? framed[5..] : framed));
            http.Response.ContentType = "application/grpc";
            await http.Response.Body.WriteAsync(new byte[5]);
            http.Response.AppendTrailer("grpc-status", "0");
        });
        await app.StartAsync();
        return new OtlpReceiver(app, requests);
    }

    private static async Task<byte[]> ReadAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        return body.ToArray();
    }

    /// <summary>The bodies sent to /v1/{signal}.</summary>
    public byte[][] Bodies(string signal) => [.. Requests.Where(r => r.Path == $"/v1/{signal}").Select(r => r.Body)];

    /// <summary>Whether some body sent to /v1/{signal} holds <paramref name="text"/> (protobuf keeps strings as UTF-8).</summary>
    public bool Received(string signal, string text) => Received(signal, Encoding.UTF8.GetBytes(text));

    /// <summary>Whether some body sent to /v1/{signal} holds these bytes (e.g. a trace id, which OTLP sends raw).</summary>
    public bool Received(string signal, byte[] bytes) => Bodies(signal).Any(b => b.AsSpan().IndexOf(bytes) >= 0);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
