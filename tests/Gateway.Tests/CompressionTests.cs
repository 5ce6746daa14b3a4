using Google.Protobuf;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests;

public sealed class CompressionTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Echo = "/test.echo.v1.EchoService/Echo";

    private static byte[] Payload => new EchoRequest { Message = new string('a', 2000) }.ToByteArray();

    [Fact]
    public async Task GzipCompressedRequestIsAccepted()
    {
        var result = await fixture.Client.CallAsync(Echo, Frames.Frame(1, Frames.Gzip(Payload)), r => r.Headers.Add("grpc-encoding", "gzip"));

        Assert.Equal(StatusCode.OK, result.Status);
        Assert.Equal(new string('a', 2000), result.Single(EchoReply.Parser).Message);
    }

    [Fact]
    public async Task DeflateCompressedRequestIsAccepted()
    {
        var result = await fixture.Client.CallAsync(Echo, Frames.Frame(1, Frames.Deflate(Payload)), r => r.Headers.Add("grpc-encoding", "deflate"));

        Assert.Equal(StatusCode.OK, result.Status);
    }

    [Fact]
    public async Task UncompressedMessageUnderGzipEncodingIsAccepted()
    {
        var result = await fixture.Client.CallAsync(Echo, Frames.Frame(0, Payload), r => r.Headers.Add("grpc-encoding", "gzip"));

        Assert.Equal(StatusCode.OK, result.Status);
    }

    [Fact]
    public async Task UnsupportedEncodingIsUnimplementedAndListsSupportedEncodings()
    {
        var result = await fixture.Client.CallAsync(Echo, Frames.Frame(1, Payload), r => r.Headers.Add("grpc-encoding", "snappy"));

        Assert.Equal(StatusCode.Unimplemented, result.Status);
        Assert.Equal("identity,gzip,deflate", result.Header("grpc-accept-encoding"));
    }

    [Fact]
    public async Task CompressedFlagWithoutEncodingIsRefused()
    {
        var result = await fixture.Client.CallAsync(Echo, Frames.Frame(1, Frames.Gzip(Payload)));

        Assert.NotNull(result.Status);
        Assert.NotEqual(StatusCode.OK, result.Status);
    }

    [Fact]
    public async Task CorruptGzipIsRefused()
    {
        var result = await fixture.Client.CallAsync(Echo, Frames.Frame(1, [0x1f, 0x8b, 1, 2, 3, 4, 5]), r => r.Headers.Add("grpc-encoding", "gzip"));

        Assert.NotNull(result.Status);
        Assert.NotEqual(StatusCode.OK, result.Status);
    }

    [Fact]
    public async Task MessageThatDecompressesPastTheLimitIsResourceExhausted()
    {
        var bomb = Frames.Gzip(new EchoRequest { Payload = ByteString.CopyFrom(new byte[GatewayFixture.MaxMessageSize * 4]) }.ToByteArray());
        Assert.True(bomb.Length < GatewayFixture.MaxMessageSize);

        var result = await fixture.Client.CallAsync(Echo, Frames.Frame(1, bomb), r => r.Headers.Add("grpc-encoding", "gzip"));

        Assert.Equal(StatusCode.ResourceExhausted, result.Status);
    }
}
