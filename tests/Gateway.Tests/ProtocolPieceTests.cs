using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests;

public sealed class ProtocolPieceTests
{
    [Theory]
    [InlineData("plain ascii", "plain ascii")]
    [InlineData("50% done", "50%25 done")]
    [InlineData("line\nbreak", "line%0Abreak")]
    [InlineData("Tilsyn på Ærø", "Tilsyn p%C3%A5 %C3%86r%C3%B8")]
    public void GrpcMessageIsPercentEncodedAndDecodesBack(string message, string encoded)
    {
        Assert.Equal(encoded, GrpcMessageEncoding.Encode(message));
        Assert.Equal(message, GrpcMessageEncoding.Decode(encoded));
    }

    [Fact]
    public void WebTextDecodesConcatenatedPaddedChunksAndIgnoresLineBreaks()
    {
        var text = Convert.ToBase64String([1]) + "\r\n" + Convert.ToBase64String([2, 3]) + Convert.ToBase64String([4, 5, 6]);

        Assert.Equal([1, 2, 3, 4, 5, 6], GrpcWebText.Decode(System.Text.Encoding.ASCII.GetBytes(text)));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("ab!d")]
    [InlineData("a===")]
    public void WebTextRejectsInvalidBase64(string text)
    {
        var error = Assert.Throws<GrpcStatusException>(() => GrpcWebText.Decode(System.Text.Encoding.ASCII.GetBytes(text)));
        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public void MetadataKeysAreLowerCasedAndValidated()
    {
        var metadata = new Metadata { { "X-Unit", "7" }, { "x-raw-bin", new byte[] { 1 } } };

        Assert.Equal("7", metadata.GetValue("x-unit"));
        Assert.Equal([1], metadata.GetBytes("X-RAW-BIN"));
        Assert.Throws<ArgumentException>(() => metadata.Add("grpc-status", "0"));
        Assert.Throws<ArgumentException>(() => metadata.Add("bad key", "v"));
        Assert.Throws<ArgumentException>(() => metadata.Add("x-text-bin", "v"));
        Assert.Throws<ArgumentException>(() => metadata.Add("x-bytes", new byte[] { 1 }));
        Assert.Throws<ArgumentException>(() => metadata.Add("x-line", "a\nb"));
    }

    [Theory]
    [InlineData("application/grpc", GrpcProtocol.Grpc)]
    [InlineData("application/grpc+proto", GrpcProtocol.Grpc)]
    [InlineData("Application/GRPC; charset=binary", GrpcProtocol.Grpc)]
    [InlineData("application/grpc-web", GrpcProtocol.GrpcWeb)]
    [InlineData("application/grpc-web-text+proto", GrpcProtocol.GrpcWebText)]
    [InlineData("application/json; charset=utf-8", GrpcProtocol.Json)]
    [InlineData("application/grpc+json", null)]
    [InlineData("text/plain", null)]
    [InlineData(null, null)]
    public void ContentTypeSelectsProtocol(string? contentType, GrpcProtocol? protocol) =>
        Assert.Equal(protocol, GrpcContentType.Detect(contentType));

    [Fact]
    public void ErrorStatusMustBeDefinedAndNotOk()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GrpcStatusException(StatusCode.OK, "fine"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GrpcStatusException((StatusCode)99, "odd"));
    }

    [Fact]
    public void FailedPreconditionCarriesPreconditionFailure()
    {
        var error = GrpcErrors.FailedPrecondition("Board has not given dagtilbud.", ("DAGTILBUD", "unit/7", "Board consent is missing."));

        var failure = Assert.IsType<Rpc.PreconditionFailure>(Assert.Single(error.Status.Details));
        Assert.Equal("unit/7", Assert.Single(failure.Violations).Subject);
    }
}
