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
    public async Task MalformedTimeoutIsInternalError()
    {
        await using var server = await GatewayTestServer.StartAsync();

        var result = await server.Client.CallAsync(Wait, new WaitRequest(), request => request.Headers.Add("grpc-timeout", "soon"));

        Assert.Equal(StatusCode.Internal, result.Status);
        Assert.True(result.TrailersOnly);
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

    [Theory]
    [InlineData("1H", 3600_000_000_000L)]
    [InlineData("2M", 120_000_000_000L)]
    [InlineData("3S", 3_000_000_000L)]
    [InlineData("250m", 250_000_000L)]
    [InlineData("1500u", 1_500_000L)]
    [InlineData("99999999n", 99_999_900L)]
    [InlineData("0m", 0L)]
    public void TimeoutParsesEveryUnit(string header, long nanoseconds)
    {
        Assert.True(GrpcTimeout.TryParse(header, out var timeout));
        Assert.Equal(nanoseconds / 100, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("m")]
    [InlineData("5s")]
    [InlineData("-5S")]
    [InlineData("123456789S")]
    [InlineData("1.5S")]
    public void TimeoutRejectsMalformedValues(string header) => Assert.False(GrpcTimeout.TryParse(header, out _));
}
