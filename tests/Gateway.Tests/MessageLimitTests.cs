using Google.Protobuf;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests;

public sealed class MessageLimitTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Echo = "/test.echo.v1.EchoService/Echo";

    [Fact]
    public async Task RequestLargerThanMaxReceiveSizeIsResourceExhausted()
    {
        var request = new EchoRequest { Payload = ByteString.CopyFrom(new byte[GatewayFixture.MaxMessageSize + 1]) };

        var result = await fixture.Client.CallAsync(Echo, request);

        Assert.Equal(StatusCode.ResourceExhausted, result.Status);
        Assert.Empty(result.Messages);
    }

    [Fact]
    public async Task DeclaredLengthOverLimitIsRejectedBeforeTheBodyArrives()
    {
        var frame = Frames.Frame(0, [], declaredLength: int.MaxValue);

        var result = await fixture.Client.CallAsync(Echo, frame);

        Assert.Equal(StatusCode.ResourceExhausted, result.Status);
    }

    [Fact]
    public async Task RequestJustUnderTheLimitIsServed()
    {
        var request = new EchoRequest { Payload = ByteString.CopyFrom(new byte[GatewayFixture.MaxMessageSize - 16]) };

        var result = await fixture.Client.CallAsync(Echo, request);

        Assert.Equal(StatusCode.OK, result.Status);
    }

    [Fact]
    public async Task ResponseLargerThanMaxSendSizeIsResourceExhausted()
    {
        var result = await fixture.Client.CallAsync(Echo, new EchoRequest { ReplyPayloadSize = GatewayFixture.MaxMessageSize + 1 });

        Assert.Equal(StatusCode.ResourceExhausted, result.Status);
        Assert.Empty(result.Messages);
    }
}
