using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests;

public sealed class GrpcGatewayOptionsTests
{
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
