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
        Assert.Equal("localhost", response.ValidHost);
        Assert.Equal(ServerReflectionRequest.MessageRequestOneofCase.ListServices, response.OriginalRequest.MessageRequestCase);
        Assert.Equal(
            ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", TestEcho.Name],
            response.ListServicesResponse.Service.Select(s => s.Name));
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
    [InlineData(".test.echo.v1.WaitRequest")]
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
    public async Task FileByFilenameIncludesDependencies()
    {
        var result = await fixture.Client.CallAsync(V1, new ServerReflectionRequest { FileByFilename = "google/rpc/status.proto" });

        var names = result.Single(ServerReflectionResponse.Parser).FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes).Name);
        Assert.Equal(["google/rpc/status.proto", "google/protobuf/any.proto"], names);
    }

    [Fact]
    public async Task UnknownSymbolIsAnErrorResponseNotAFailedCall()
    {
        var result = await fixture.Client.CallAsync(V1, new ServerReflectionRequest { FileContainingSymbol = "no.Such" });

        Assert.Equal(StatusCode.OK, result.Status);
        Assert.Equal((int)StatusCode.NotFound, result.Single(ServerReflectionResponse.Parser).ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task RequestsAreAnsweredAsTheyArriveOnOneStream()
    {
        await using var call = await DuplexCall.StartAsync(
            fixture.Client.Http, fixture.Server.GrpcAddress, V1, new ServerReflectionRequest { ListServices = "" });

        Assert.NotNull((await call.ReadAsync(ServerReflectionResponse.Parser))!.ListServicesResponse);

        await call.SendAsync(new ServerReflectionRequest { FileContainingSymbol = TestEcho.Name });
        var first = (await call.ReadAsync(ServerReflectionResponse.Parser))!.FileDescriptorResponse;
        Assert.Single(first.FileDescriptorProto);

        await call.SendAsync(new ServerReflectionRequest { FileByFilename = "google/rpc/status.proto" });
        var second = (await call.ReadAsync(ServerReflectionResponse.Parser))!.FileDescriptorResponse;
        Assert.Equal(2, second.FileDescriptorProto.Count);

        await call.SendAsync(new ServerReflectionRequest { FileContainingSymbol = "google.rpc.Status" });
        var third = (await call.ReadAsync(ServerReflectionResponse.Parser))!.FileDescriptorResponse;
        Assert.Single(third.FileDescriptorProto); // any.proto was already sent on this stream

        call.CompleteRequests();
        Assert.Null(await call.ReadAsync(ServerReflectionResponse.Parser));
        Assert.Equal("0", string.Join(",", call.Response.TrailingHeaders.GetValues("grpc-status")));
    }
}
