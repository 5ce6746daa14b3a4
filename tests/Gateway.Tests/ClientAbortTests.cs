using System.Net;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests;

/// <summary>A client that cancels or goes away mid-call is not a server failure: the call is logged as cancelled by the
/// client (Debug), never at Error.</summary>
public sealed class ClientAbortTests
{
    private const string Echo = "/test.echo.v1.EchoService/Echo";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ClientThatResetsTheStreamMidRequestIsLoggedAsCancelledNotAsAFailure()
    {
        const int Calls = 20;
        await using var server = await GatewayTestServer.StartAsync(builderSetup: builder => builder.Logging
            .AddFilter(GrpcEndpointRouteBuilderExtensions.LoggerCategory, LogLevel.Debug)
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

        await WaitUntilAsync(() => EchoCallEndings(server.Logs).Count() >= Calls);
        Assert.DoesNotContain(server.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Equal(Calls, EchoCallEndings(server.Logs).Count(e => e.Level == LogLevel.Debug && e.Message.Contains("cancelled by the client", StringComparison.Ordinal)));
    }

    /// <summary>The race the interop probe hit: Kestrel fails the request read of a reset stream ("The client reset the
    /// request stream.") before it signals RequestAborted, which it schedules on the thread pool.</summary>
    [Fact]
    public async Task RequestReadFailingBeforeRequestAbortedIsSignalledIsStillACancellationNotAFailure()
    {
        var logs = new ListLoggerProvider();
        using var loggers = LoggerFactory.Create(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var http = new DefaultHttpContext();
        var options = new GrpcGatewayOptions();
        var transport = new ResetRequestStream(http, options);
        var method = new UnaryMethod<EchoRequest, EchoReply>(
            "test.echo.v1.EchoService", "Echo", EchoRequest.Descriptor, EchoReply.Descriptor, (_, _) => Task.FromResult(new EchoReply()));
        using var call = new GrpcCall(http, method, GrpcProtocol.Grpc, transport, timeout: null, new Metadata(), options, loggers.CreateLogger(GrpcEndpointRouteBuilderExtensions.LoggerCategory));

        await call.RunAsync();

        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Debug && e.Message == $"gRPC call {Echo} was cancelled by the client");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(10);
    }

    private static IEnumerable<ListLoggerProvider.LogEntry> EchoCallEndings(ListLoggerProvider logs) =>
        logs.Entries.Where(e => e.Category == GrpcEndpointRouteBuilderExtensions.LoggerCategory && e.Message.Contains(Echo, StringComparison.Ordinal)
            && (e.Message.Contains("cancelled by the client", StringComparison.Ordinal) || e.Level >= LogLevel.Error));

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

    /// <summary>A transport whose request stream was reset by the client while RequestAborted is not cancelled yet.</summary>
    private sealed class ResetRequestStream(HttpContext http, GrpcGatewayOptions options) : CallTransport(http, options)
    {
        public override ValueTask<IMessage?> ReadMessageAsync(MessageDescriptor descriptor, CancellationToken cancellationToken) =>
            ValueTask.FromException<IMessage?>(new IOException("The client reset the request stream."));

        public override ValueTask WriteMessageAsync(IMessage message, bool flush, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public override Task WriteStatusAsync(GrpcStatus status) => Task.CompletedTask;
    }
}
