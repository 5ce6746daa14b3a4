using System.Text.Json;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests;

public sealed class JsonTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Echo = "/test.echo.v1.EchoService/Echo";
    private const string Fail = "/test.echo.v1.EchoService/Fail";
    private const string Count = "/test.echo.v1.EchoService/Count";

    private GrpcTestClient Client => fixture.Client;

    [Fact]
    public async Task JsonRequestGetsJsonResponseWithDefaultValues()
    {
        var result = await Client.PostJsonAsync(Echo, """{"message":"hej","payload":"AQID"}""");

        Assert.Equal(200, result.HttpStatus);
        Assert.Equal("application/json", result.ContentType);
        using var json = JsonDocument.Parse(result.BodyText);
        Assert.Equal("hej", json.RootElement.GetProperty("message").GetString());
        Assert.Equal("AQID", json.RootElement.GetProperty("payload").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("sequence").GetInt32());
        Assert.Equal("header-value", result.Header("x-reply-header"));
    }
    [Fact]
    public async Task InvalidArgumentIs400WithStatusBodyAndBadRequestDetails()
    {
        var result = await Client.PostJsonAsync(Fail, """{"badRequest":true,"message":"Ugyldig enhed"}""");

        Assert.Equal(400, result.HttpStatus);
        Assert.Equal("application/json", result.ContentType);
        using var json = JsonDocument.Parse(result.BodyText);
        Assert.Equal(3, json.RootElement.GetProperty("code").GetInt32());
        Assert.Equal("Ugyldig enhed", json.RootElement.GetProperty("message").GetString());
        var detail = json.RootElement.GetProperty("details")[0];
        Assert.Equal("type.googleapis.com/google.rpc.BadRequest", detail.GetProperty("@type").GetString());
        Assert.Equal("unit_id", detail.GetProperty("fieldViolations")[0].GetProperty("field").GetString());
    }

    [Theory]
    [InlineData(StatusCode.NotFound, 404)]
    [InlineData(StatusCode.PermissionDenied, 403)]
    [InlineData(StatusCode.Unauthenticated, 401)]
    [InlineData(StatusCode.FailedPrecondition, 400)]
    [InlineData(StatusCode.Aborted, 409)]
    [InlineData(StatusCode.AlreadyExists, 409)]
    [InlineData(StatusCode.Unavailable, 503)]
    [InlineData(StatusCode.ResourceExhausted, 429)]
    [InlineData(StatusCode.Internal, 500)]
    public async Task StatusMapsToHttpStatus(StatusCode code, int httpStatus)
    {
        var result = await Client.PostJsonAsync(Fail, $$"""{"code":{{(int)code}},"message":"x"}""");

        Assert.Equal(httpStatus, result.HttpStatus);
        using var json = JsonDocument.Parse(result.BodyText);
        Assert.Equal((int)code, json.RootElement.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task MalformedJsonIs400InvalidArgument()
    {
        var result = await Client.PostJsonAsync(Echo, """{"message": """);

        Assert.Equal(400, result.HttpStatus);
        Assert.Equal(StatusCode.InvalidArgument, result.Status);
    }
    [Fact]
    public async Task UnknownMethodIs404()
    {
        var result = await Client.PostJsonAsync("/test.echo.v1.EchoService/Missing", "{}");

        Assert.Equal(404, result.HttpStatus);
    }

    [Fact]
    public async Task BidirectionalStreamingIsNotOfferedOverJson()
    {
        var result = await Client.PostJsonAsync("/test.echo.v1.EchoService/Chat", "{}");

        Assert.Equal(415, result.HttpStatus);
    }
    [Fact]
    public async Task ServerStreamingSendsEachMessageThenTheError()
    {
        var result = await Client.PostJsonAsync(Count, """{"count":3,"failAfter":2}""");

        Assert.Equal(200, result.HttpStatus);
        Assert.Equal("application/json", result.ContentType);
        var text = result.BodyText.Replace(" ", "", StringComparison.Ordinal);
        Assert.True(text.IndexOf("\"sequence\":1", StringComparison.Ordinal) < text.IndexOf("\"sequence\":2", StringComparison.Ordinal), text);
        Assert.DoesNotContain("\"sequence\":3", text);
        Assert.Contains("\"code\":10", text);
    }

    [Fact]
    public async Task JsonBodyOverTheLimitIsRejected()
    {
        var result = await Client.PostJsonAsync(Echo, $$"""{"message":"{{new string('x', GatewayFixture.MaxMessageSize)}}"}""");

        Assert.Equal(400, result.HttpStatus);
        Assert.Equal(StatusCode.InvalidArgument, result.Status);
    }

    [Fact]
    public async Task UnsupportedContentTypeOnKnownMethodIs415()
    {
        var result = await Client.PostHttp1Async(Echo, "message=hi"u8.ToArray(), "application/x-www-form-urlencoded");

        Assert.Equal(415, result.HttpStatus);
    }

    [Fact]
    public async Task UnsupportedContentTypeOnUnknownPathIs404()
    {
        var result = await Client.PostHttp1Async("/some/page", "x"u8.ToArray(), "text/plain");

        Assert.Equal(404, result.HttpStatus);
    }
}
