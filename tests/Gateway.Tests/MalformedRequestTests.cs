using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests;

public sealed class MalformedRequestTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Echo = "/test.echo.v1.EchoService/Echo";

    public static TheoryData<string, byte[]> MalformedBodies => new()
    {
        { "empty body", [] },
        { "truncated header", [0, 0, 0] },
        { "length larger than body", Frames.Frame(0, [1, 2, 3], declaredLength: 10) },
        { "unknown flag bits", Frames.Frame(0x02, []) },
        { "trailer flag from client", Frames.Frame(0x80, []) },
        { "garbage protobuf", Frames.Frame(0, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff]) },
        { "two messages for a unary method", Frames.Concat(Frames.Message(new EchoRequest()), Frames.Message(new EchoRequest())) },
        { "trailing partial frame", Frames.Concat(Frames.Message(new EchoRequest()), [0, 0]) },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task MalformedRequestEndsWithInternalStatusNotACrash(string description, byte[] body)
    {
        var result = await fixture.Client.CallAsync(Echo, body);

        Assert.True(result.HttpStatus == 200, description);
        Assert.Equal(StatusCode.Internal, result.Status);
        Assert.Empty(result.Messages);
        Assert.DoesNotContain(fixture.Server.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("Echo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidBinaryMetadataIsInternal()
    {
        var result = await fixture.Client.CallAsync(Echo, new EchoRequest(), r => r.Headers.TryAddWithoutValidation("x-id-bin", "!!!not base64!!!"));

        Assert.Equal(StatusCode.Internal, result.Status);
    }
}
