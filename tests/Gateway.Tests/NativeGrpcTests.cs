using Google.Protobuf;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests;

public sealed class NativeGrpcTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Echo = "/test.echo.v1.EchoService/Echo";
    private const string Fail = "/test.echo.v1.EchoService/Fail";
    private const string Count = "/test.echo.v1.EchoService/Count";

    private GrpcTestClient Client => fixture.Client;

    [Fact]
    public async Task UnaryCallReturnsOneMessageThenOkInTrailers()
    {
        var result = await Client.CallAsync(Echo, new EchoRequest { Message = "hello", Payload = ByteString.CopyFromUtf8("bytes") });

        Assert.Equal(200, result.HttpStatus);
        Assert.Equal(new Version(2, 0), result.Response.Version);
        Assert.Equal("application/grpc", result.ContentType);
        Assert.False(result.TrailersOnly);
        var reply = result.Single(EchoReply.Parser);
        Assert.Equal("hello", reply.Message);
        Assert.Equal("bytes", reply.Payload.ToStringUtf8());
        Assert.Equal("0", result.Trailers["grpc-status"]);
    }

    [Fact]
    public async Task RequestMetadataReachesHandlerAndResponseMetadataReachesClient()
    {
        var result = await Client.CallAsync(Echo, new EchoRequest(), request =>
        {
            request.Headers.Add("x-tenant", "unit-7");
            request.Headers.Add("x-trace-bin", Convert.ToBase64String([0xde, 0xad, 0xbe, 0xef]).TrimEnd('='));
        });

        var reply = result.Single(EchoReply.Parser);
        Assert.Contains("x-tenant=unit-7", reply.Metadata);
        Assert.Contains("x-trace-bin=DEADBEEF", reply.Metadata);
        Assert.Equal("header-value", result.Header("x-reply-header"));
        Assert.Equal("trailer-value", result.Trailers["x-reply-trailer"]);
        Assert.Equal([1, 2, 3, 250], GrpcResult.Base64(result.Trailers["x-reply-trailer-bin"]));
    }

    [Fact]
    public async Task AuthenticatedUserIsVisibleToHandler()
    {
        var result = await Client.CallAsync(Echo, new EchoRequest(), request => request.Headers.Add(GatewayTestServer.TestUserHeader, "inspector-1"));

        Assert.Equal("inspector-1", result.Single(EchoReply.Parser).User);
    }

    [Fact]
    public async Task HandlerStatusIsSentAsTrailersOnlyWithPercentEncodedMessage()
    {
        var result = await Client.CallAsync(Fail, new FailRequest { Code = (int)StatusCode.NotFound, Message = "Enhed ikke fundet: 100% ø" });

        Assert.Equal(200, result.HttpStatus);
        Assert.True(result.TrailersOnly);
        Assert.Empty(result.Body);
        Assert.Equal(StatusCode.NotFound, result.Status);
        Assert.Equal("Enhed ikke fundet: 100%25 %C3%B8", result.Header("grpc-message"));
        Assert.Equal("Enhed ikke fundet: 100% ø", result.StatusMessage);
    }

    [Fact]
    public async Task UnexpectedHandlerExceptionIsInternalWithoutDetailsButLogged()
    {
        var result = await Client.CallAsync(Fail, new FailRequest { Crash = true });

        Assert.Equal(StatusCode.Internal, result.Status);
        Assert.DoesNotContain("hunter2", result.StatusMessage);
        Assert.Contains(fixture.Server.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Exception?.Message == TestEcho.SecretDetail);
    }

    [Fact]
    public async Task InvalidArgumentCarriesBadRequestDetailsInStatusDetailsBin()
    {
        var result = await Client.CallAsync(Fail, new FailRequest { BadRequest = true, Message = "Invalid unit" });

        Assert.Equal(StatusCode.InvalidArgument, result.Status);
        var details = result.StatusDetails();
        Assert.NotNull(details);
        Assert.Equal((int)StatusCode.InvalidArgument, details.Code);
        Assert.Equal("Invalid unit", details.Message);
        var badRequest = Assert.Single(details.Details).Unpack<Google.Rpc.BadRequest>();
        Assert.Collection(
            badRequest.FieldViolations,
            v => Assert.Equal(("unit_id", "must not be empty"), (v.Field, v.Description)),
            v => Assert.Equal(("period.start", "must be before period.end"), (v.Field, v.Description)));
    }

    [Fact]
    public async Task UnknownMethodIsUnimplementedWithHttp200()
    {
        var result = await Client.CallAsync("/test.echo.v1.EchoService/Nope", new EchoRequest());

        Assert.Equal(200, result.HttpStatus);
        Assert.True(result.TrailersOnly);
        Assert.Equal(StatusCode.Unimplemented, result.Status);
    }

    [Fact]
    public async Task UnknownServiceIsUnimplemented()
    {
        var result = await Client.CallAsync("/no.such.Service/Method", new EchoRequest());

        Assert.Equal(StatusCode.Unimplemented, result.Status);
    }

    [Fact]
    public async Task NonGrpcContentTypeIsRejectedWith415()
    {
        var result = await Client.PostHttp2Async(Echo, Frames.Message(new EchoRequest()), "text/plain");

        Assert.Equal(415, result.HttpStatus);
    }

    [Fact]
    public async Task NativeGrpcOverHttp1IsRefusedWithUpgradeRequired()
    {
        var result = await Client.PostHttp1Async(Echo, Frames.Message(new EchoRequest()), GrpcTestClient.Grpc);

        Assert.Equal(426, result.HttpStatus);
        Assert.Equal(StatusCode.Internal, result.Status);
    }

    [Fact]
    public async Task ServerStreamingSendsEveryMessageThenOk()
    {
        var result = await Client.CallAsync(Count, new CountRequest { Count = 5 });

        Assert.Equal([1, 2, 3, 4, 5], result.All(EchoReply.Parser).Select(r => r.Sequence));
        Assert.Equal(StatusCode.OK, result.Status);
    }

    [Fact]
    public async Task ServerStreamingFailureAfterMessagesEndsWithErrorTrailers()
    {
        var result = await Client.CallAsync(Count, new CountRequest { Count = 5, FailAfter = 2 });

        Assert.Equal(2, result.Messages.Count);
        Assert.False(result.TrailersOnly);
        Assert.Equal(StatusCode.Aborted, result.Status);
        Assert.Equal("Stopped after 2 messages.", result.StatusMessage);
    }
}
