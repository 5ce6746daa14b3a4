using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests;

public sealed class GrpcWebTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Echo = "/test.echo.v1.EchoService/Echo";
    private const string Fail = "/test.echo.v1.EchoService/Fail";
    private const string Count = "/test.echo.v1.EchoService/Count";
    private const string Chat = "/test.echo.v1.EchoService/Chat";

    private GrpcTestClient Client => fixture.Client;

    [Theory]
    [InlineData("application/grpc-web")]
    [InlineData("application/grpc-web+proto")]
    public async Task BinaryUnaryOverHttp1EndsWithTrailerFrame(string contentType)
    {
        var result = await Client.CallWebAsync(Echo, Frames.Message(new EchoRequest { Message = "web" }), contentType);

        Assert.Equal(200, result.HttpStatus);
        Assert.Equal(new Version(1, 1), result.Response.Version);
        Assert.Equal("application/grpc-web", result.ContentType);
        Assert.Equal("web", result.Single(EchoReply.Parser).Message);
        var frames = Frames.Parse(result.Body);
        Assert.Equal(0x80, frames[^1].Flags);
        Assert.Equal(StatusCode.OK, result.Status);
        Assert.Equal("trailer-value", result.Trailers["x-reply-trailer"]);
        Assert.Equal("header-value", result.Header("x-reply-header"));
    }

    [Fact]
    public async Task TextModeIsBase64InBothDirections()
    {
        var result = await Client.CallWebAsync(Echo, Frames.Message(new EchoRequest { Message = "text" }), "application/grpc-web-text");

        Assert.Equal("application/grpc-web-text", result.ContentType);
        Assert.All(result.RawBody, b => Assert.True(char.IsAsciiLetterOrDigit((char)b) || b is (byte)'+' or (byte)'/' or (byte)'='));
        Assert.Equal("text", result.Single(EchoReply.Parser).Message);
        Assert.Equal(StatusCode.OK, result.Status);
    }

    [Fact]
    public async Task TextRequestMayBeSeveralPaddedBase64Chunks()
    {
        var frame = Frames.Message(new EchoRequest { Message = "chunked" });
        var body = Convert.ToBase64String(frame[..4]) + Convert.ToBase64String(frame[4..]);
        var request = GrpcTestClient.Request(fixture.Server.HttpAddress, Echo, System.Text.Encoding.ASCII.GetBytes(body), "application/grpc-web-text", new Version(1, 1));

        var result = await Client.SendAsync(request, web: true, text: true, CancellationToken.None);

        Assert.Equal("chunked", result.Single(EchoReply.Parser).Message);
    }

    [Fact]
    public async Task TextRequestWithBytesAfterItsMessageIsRefusedAndTheConnectionStaysUsable()
    {
        var refused = await Client.CallWebAsync(Echo, Frames.Concat(Frames.Message(new EchoRequest { Message = "a" }), [0xec, 0x7e]), GrpcTestClient.GrpcWebText);
        var next = await Client.CallWebAsync(Echo, Frames.Message(new EchoRequest { Message = "next" }), GrpcTestClient.GrpcWebText);

        Assert.Equal(StatusCode.Internal, refused.Status);
        Assert.Equal("next", next.Single(EchoReply.Parser).Message);
        Assert.DoesNotContain(fixture.Server.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task InvalidBase64TextRequestIsRefusedWithAnErrorStatus()
    {
        var request = GrpcTestClient.Request(fixture.Server.HttpAddress, Echo, "@@@@"u8.ToArray(), "application/grpc-web-text", new Version(1, 1));

        var result = await Client.SendAsync(request, web: true, text: true, CancellationToken.None);

        Assert.NotNull(result.Status);
        Assert.NotEqual(StatusCode.OK, result.Status);
    }

    [Fact]
    public async Task EarlyErrorIsTrailersOnlyInHeaders()
    {
        var result = await Client.CallWebAsync(Fail, Frames.Message(new FailRequest { Code = (int)StatusCode.PermissionDenied, Message = "no" }));

        Assert.Equal(200, result.HttpStatus);
        Assert.True(result.TrailersOnly);
        Assert.Empty(result.Body);
        Assert.Equal(StatusCode.PermissionDenied, result.Status);
    }

    [Fact]
    public async Task ServerStreamingSendsFramesThenTrailerFrame()
    {
        var result = await Client.CallWebAsync(Count, Frames.Message(new CountRequest { Count = 3, FailAfter = 2 }), "application/grpc-web-text");

        Assert.Equal([1, 2], result.All(EchoReply.Parser).Select(r => r.Sequence));
        Assert.Equal(StatusCode.Aborted, result.Status);
    }

    [Fact]
    public async Task StreamingRequestsOverHttp1AreReadWholeThenAnswered()
    {
        var body = Frames.Concat(Frames.Message(new EchoRequest { Message = "a" }), Frames.Message(new EchoRequest { Message = "b" }));

        var result = await Client.CallWebAsync(Chat, body);

        Assert.Equal(["a", "b"], result.All(EchoReply.Parser).Select(r => r.Message));
        Assert.Equal(StatusCode.OK, result.Status);
    }

    [Fact]
    public async Task GrpcWebAlsoWorksOverHttp2()
    {
        var result = await Client.PostHttp2Async(Echo, Frames.Message(new EchoRequest { Message = "h2" }), "application/grpc-web");

        Assert.Equal(new Version(2, 0), result.Response.Version);
        Assert.Equal("h2", result.Single(EchoReply.Parser).Message);
        Assert.Equal(StatusCode.OK, result.Status);
    }

    [Fact]
    public async Task UnknownMethodIsUnimplemented()
    {
        var result = await Client.CallWebAsync("/test.echo.v1.EchoService/Missing", Frames.Message(new EchoRequest()));

        Assert.Equal(StatusCode.Unimplemented, result.Status);
    }

    [Fact]
    public async Task RichStatusDetailsAreInTheTrailers()
    {
        var result = await Client.CallWebAsync(Fail, Frames.Message(new FailRequest { BadRequest = true, Message = "bad" }));

        var details = result.StatusDetails();
        Assert.NotNull(details);
        Assert.Equal(2, Assert.Single(details.Details).Unpack<Google.Rpc.BadRequest>().FieldViolations.Count);
    }
}
