using Google.Protobuf.Reflection;
using OrleansTilsyn.Gateway.Grpc;
using Grpc.Reflection.V1;
using Alpha = Grpc.Reflection.V1Alpha;

namespace OrleansTilsyn.Gateway.Tests;

public sealed class ReflectionTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string V1 = "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo";
    private const string V1Alpha = "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo";

    [Fact]
    public async Task ListServicesNamesEveryRegisteredService()
    {
        var result = await fixture.Client.CallAsync(V1, new ServerReflectionRequest { Host = "localhost", ListServices = "" });

        var response = result.Single(ServerReflectionResponse.Parser);
        Assert.Equal(
            ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", TestEcho.Name],
            response.ListServicesResponse.Service.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task V1AlphaAnswersTheSame()
    {
        var result = await fixture.Client.CallAsync(V1Alpha, new Alpha.ServerReflectionRequest { ListServices = "" });

        Assert.Contains(result.Single(Alpha.ServerReflectionResponse.Parser).ListServicesResponse.Service, s => s.Name == TestEcho.Name);
    }

    [Theory]
    [InlineData("test.echo.v1.EchoService")]
    [InlineData("test.echo.v1.EchoService.Chat")]
    [InlineData("test.echo.v1.EchoReply")]
    [InlineData("test.echo.v1.WaitRequest")]
    public async Task FileContainingSymbolReturnsItsProtoFile(string symbol)
    {
        var result = await fixture.Client.CallAsync(V1, new ServerReflectionRequest { FileContainingSymbol = symbol });

        var files = result.Single(ServerReflectionResponse.Parser).FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes)).ToList();
        var echo = files[0];
        Assert.Equal("echo.proto", echo.Name);
        Assert.Equal("test.echo.v1", echo.Package);
        Assert.Contains(echo.Service[0].Method, m => m.Name == "Chat" && m.ClientStreaming && m.ServerStreaming);
    }
    [Fact]
    public async Task UnknownSymbolIsAnErrorResponseNotAFailedCall()
    {
        var result = await fixture.Client.CallAsync(V1, new ServerReflectionRequest { FileContainingSymbol = "no.Such" });

        Assert.Equal(StatusCode.OK, result.Status);
        Assert.Equal((int)StatusCode.NotFound, result.Single(ServerReflectionResponse.Parser).ErrorResponse.ErrorCode);
    }
}
