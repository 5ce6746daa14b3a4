using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrleansTilsyn.Gateway.Tests.Telemetry;

/// <summary>A tiny OTLP/HTTP (protobuf) receiver on a loopback port: keeps every export request's path and body, answers 200.</summary>
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

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var requests = new ConcurrentQueue<(string, byte[])>();
        app.MapPost("/v1/{signal}", async (string signal, HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            requests.Enqueue(($"/v1/{signal}", body.ToArray()));
            http.Response.ContentType = "application/x-protobuf";
        });
        await app.StartAsync();
        return new OtlpReceiver(app, requests);
    }

    /// <summary>The bodies sent to /v1/{signal}.</summary>
    public byte[][] Bodies(string signal) => [.. Requests.Where(r => r.Path == $"/v1/{signal}").Select(r => r.Body)];

    /// <summary>Whether some body sent to /v1/{signal} holds <paramref name="text"/> (protobuf keeps strings as UTF-8).</summary>
    public bool Received(string signal, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Bodies(signal).Any(b => b.AsSpan().IndexOf(bytes) >= 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
