using System.Net;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests;

public sealed class TlsTests
{
    private const string Echo = "/test.echo.v1.EchoService/Echo";

    [Fact]
    public async Task NativeGrpcOverTlsNegotiatesHttp2()
    {
        await using var server = await GatewayTestServer.StartAsync(tls: true);
        var request = GrpcTestClient.Request(server.TlsAddress!, Echo, Frames.Message(new EchoRequest { Message = "secure" }), GrpcTestClient.Grpc, HttpVersion.Version20);

        var result = await server.Client.SendAsync(request, web: false, text: false, CancellationToken.None);

        Assert.Equal(new Version(2, 0), result.Response.Version);
        Assert.Equal("secure", result.Single(EchoReply.Parser).Message);
        Assert.Equal(StatusCode.OK, result.Status);
    }

    [Fact]
    public async Task GrpcWebOverTlsWorksWithHttp1()
    {
        await using var server = await GatewayTestServer.StartAsync(tls: true);
        var request = GrpcTestClient.Request(server.TlsAddress!, Echo, Frames.Message(new EchoRequest { Message = "web" }), GrpcTestClient.GrpcWeb, HttpVersion.Version11);

        var result = await server.Client.SendAsync(request, web: true, text: false, CancellationToken.None);

        Assert.Equal(new Version(1, 1), result.Response.Version);
        Assert.Equal(StatusCode.OK, result.Status);
    }
}
