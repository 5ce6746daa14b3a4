using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests;

/// <summary>Each test starts its own server, so the echo probe sees only its call.</summary>
public sealed class DeadlineAndCancellationTests
{
    private const string Wait = "/test.echo.v1.EchoService/Wait";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ExpiredDeadlineEndsCallWithDeadlineExceededAndCancelsHandlerToken()
    {
        await using var server = await GatewayTestServer.StartAsync();

        var result = await server.Client.CallAsync(Wait, new WaitRequest(), request => request.Headers.Add("grpc-timeout", "200m"));

        Assert.Equal(StatusCode.DeadlineExceeded, result.Status);
        await server.Probe.WaitCancelled.WaitAsync(Patience);
        Assert.NotNull(server.Probe.LastDeadline);
    }

    [Fact]
    public async Task DeadlineIsReportedEvenWhenHandlerIgnoresItsToken()
    {
        await using var server = await GatewayTestServer.StartAsync();

        var result = await server.Client.CallAsync(
            Wait, new WaitRequest { IgnoreCancellation = true, Milliseconds = 3000 }, request => request.Headers.Add("grpc-timeout", "100m"));

        Assert.Equal(StatusCode.DeadlineExceeded, result.Status);
        Assert.Empty(result.Messages);
    }

    [Fact]
    public async Task HandlerThatEndsNormallyAfterItsDeadlineStillReportsDeadlineExceeded()
    {
        await using var server = await GatewayTestServer.StartAsync();

        var result = await server.Client.CallAsync(
            Wait, new WaitRequest { EndQuietlyWhenCancelled = true }, request => request.Headers.Add("grpc-timeout", "100m"));

        Assert.Equal(StatusCode.DeadlineExceeded, result.Status);
        Assert.Empty(result.Messages);
    }

    [Fact]
    public async Task CallWithoutTimeoutHasNoDeadline()
    {
        await using var server = await GatewayTestServer.StartAsync();

        var result = await server.Client.CallAsync(Wait, new WaitRequest { IgnoreCancellation = true, Milliseconds = 1 });

        Assert.Equal(StatusCode.OK, result.Status);
        Assert.Null(server.Probe.LastDeadline);
    }
    [Fact]
    public async Task ClientCancellationCancelsHandlerToken()
    {
        await using var server = await GatewayTestServer.StartAsync();
        using var cancel = new CancellationTokenSource();

        var call = server.Client.CallAsync(Wait, new WaitRequest(), cancellationToken: cancel.Token);
        await server.Probe.WaitStarted.WaitAsync(Patience);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await server.Probe.WaitCancelled.WaitAsync(Patience);
    }
}
