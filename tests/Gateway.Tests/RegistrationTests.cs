using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests;

public sealed class RegistrationTests
{
    private static Task<EchoReply> Reply(EchoRequest request, GrpcCallContext context) => Task.FromResult(new EchoReply());

    [Fact]
    public void SameMethodTwiceIsRejected()
    {
        var registry = new GrpcServiceRegistry();
        registry.Unary<EchoRequest, EchoReply>("x.v1.S", "M", Reply);

        Assert.Throws<InvalidOperationException>(() => registry.Unary<EchoRequest, EchoReply>("x.v1.S", "M", Reply));
    }

    [Theory]
    [InlineData("", "M")]
    [InlineData("x.v1.S", "")]
    [InlineData("x/v1.S", "M")]
    [InlineData("x.v1.S", "M.N")]
    public void InvalidNamesAreRejected(string service, string method) =>
        Assert.ThrowsAny<ArgumentException>(() => new GrpcServiceRegistry().Unary<EchoRequest, EchoReply>(service, method, Reply));

    [Fact]
    public void MethodMissingFromTheDeclaredServiceFailsAtMapping()
    {
        var registry = new GrpcServiceRegistry();
        registry.AddFile(EchoReflection.Descriptor);
        registry.Unary<EchoRequest, EchoReply>(EchoService.Name, "Shout", Reply);

        Assert.Contains("declares no method", Assert.Throws<InvalidOperationException>(registry.Freeze).Message);
    }

    [Fact]
    public void WrongMessageTypesFailAtMapping()
    {
        var registry = new GrpcServiceRegistry();
        registry.Unary<EchoRequest, EchoReply>(EchoService.Name, "Fail", Reply);

        Assert.Throws<InvalidOperationException>(registry.Freeze);
    }

    [Fact]
    public void WrongStreamingShapeFailsAtMapping()
    {
        var registry = new GrpcServiceRegistry();
        registry.Unary<EchoRequest, EchoReply>(EchoService.Name, "Chat", Reply);

        Assert.Contains("streaming shape", Assert.Throws<InvalidOperationException>(registry.Freeze).Message);
    }

    [Fact]
    public async Task RegistryIsClosedOnceMapped()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddGrpcGateway();
        await using var app = builder.Build();
        app.MapGrpcServices();

        var registry = app.Services.GetRequiredService<GrpcServiceRegistry>();
        Assert.Throws<InvalidOperationException>(() => registry.Unary<EchoRequest, EchoReply>("x.v1.S", "M", Reply));
    }

    [Fact]
    public async Task InvalidOptionsFailAtStart()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddGrpcGateway(options => options.MaxReceiveMessageSize = 0);
        await using var app = builder.Build();

        await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());
    }
}
