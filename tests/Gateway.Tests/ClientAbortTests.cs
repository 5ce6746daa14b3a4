using System.Net;
using Microsoft.Extensions.Logging;

namespace OrleansTilsyn.Gateway.Tests;

/// <summary>A client that cancels or goes away mid-call is not a server failure: nothing is logged at Error, and the
/// gateway keeps serving.</summary>
public sealed class ClientAbortTests
{
    private const string Echo = "/test.echo.v1.EchoService/Echo";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ClientThatResetsTheStreamMidRequestIsNotLoggedAsAFailure()
    {
        const int Calls = 20;
        await using var server = await GatewayTestServer.StartAsync(builderSetup: builder => builder.Logging
            .AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Information));

        for (var i = 1; i <= Calls; i++)
        {
            using var cancel = new CancellationTokenSource();
            var request = GrpcTestClient.Request(server.GrpcAddress, Echo, [], GrpcTestClient.Grpc, HttpVersion.Version20);
            request.Content = new HalfAMessage(cancel.Token) { Headers = { ContentType = request.Content!.Headers.ContentType } };
            var call = server.Client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            await WaitUntilAsync(() => server.Logs.Entries.Count(e => e.Message.StartsWith("Request starting HTTP/2 POST", StringComparison.Ordinal)) >= i);
            await Task.Delay(20); // the handler now waits for the rest of the message
            await cancel.CancelAsync(); // RST_STREAM
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        }

        await WaitUntilAsync(() => server.Logs.Entries.Count(e => e.Message.StartsWith("Request finished HTTP/2 POST", StringComparison.Ordinal)) >= Calls);
        Assert.Equal(Calls, server.Logs.Entries.Count(e => e.Message.StartsWith("Request finished HTTP/2 POST", StringComparison.Ordinal)));
        Assert.DoesNotContain(server.Logs.Entries, e => e.Level >= LogLevel.Error);
        var after = await server.Client.CallAsync(Echo, new EchoRequest { Message = "still serving" });
        Assert.Equal("still serving", after.Single(EchoReply.Parser).Message);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(10);
    }

    /// <summary>The 5-byte frame header and 2 of the 10 bytes it announces, then nothing until the call is cancelled.</summary>
    private sealed class HalfAMessage(CancellationToken held) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(new byte[] { 0, 0, 0, 0, 10, 0x0a, 0x08 });
            await stream.FlushAsync();
            await Task.Delay(Timeout.Infinite, held);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
