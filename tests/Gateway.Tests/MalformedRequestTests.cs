using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests;

public sealed class MalformedRequestTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Echo = "/test.echo.v1.EchoService/Echo";

    /// <summary>A well-framed message that is no message of its type is INTERNAL (the gateway's marshaller); broken
    /// framing is what grpc-dotnet answers for a request it cannot read: INTERNAL or UNKNOWN.</summary>
    public static TheoryData<string, byte[], bool> MalformedBodies => new()
    {
        { "empty body", [], false },
        { "truncated header", [0, 0, 0], false },
        { "length larger than body", Frames.Frame(0, [1, 2, 3], declaredLength: 10), false },
        { "unknown flag bits", Frames.Frame(0x02, []), false },
        { "trailer flag from client", Frames.Frame(0x80, []), false },
        { "garbage protobuf", Frames.Frame(0, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), true },
        { "two messages for a unary method", Frames.Concat(Frames.Message(new EchoRequest()), Frames.Message(new EchoRequest())), false },
        { "trailing partial frame", Frames.Concat(Frames.Message(new EchoRequest()), [0, 0]), false },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task MalformedRequestEndsWithAnErrorStatusNotACrash(string description, byte[] body, bool wellFramed)
    {
        var result = await fixture.Client.CallAsync(Echo, body);

        Assert.True(result.HttpStatus == 200, description);
        StatusCode?[] expected = wellFramed ? [StatusCode.Internal] : [StatusCode.Internal, StatusCode.Unknown];
        Assert.True(expected.Contains(result.Status), $"{description}: {result.Status}");
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
