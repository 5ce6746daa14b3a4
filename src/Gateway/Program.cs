using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Hosting;

var builder = WebApplication.CreateBuilder(args);
var endpoints = builder.Configuration.GetSection(GatewayEndpointOptions.SectionName).Get<GatewayEndpointOptions>() ?? new();
if (endpoints.HasAnyPort)
{
    builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGateway(endpoints));
}

builder.Services.AddGrpcGateway(builder.Configuration.GetSection(GrpcGatewayOptions.SectionName));
builder.AddCoHostedSilo();

var app = builder.Build();
var bench = builder.Configuration.GetValue<bool>(BenchEndpoints.ConfigKey);
if (bench)
{
    app.MapBenchEndpoints();
}

app.MapGrpcServices(registry =>
{
    if (bench)
    {
        BenchEndpoints.RegisterBenchEcho(registry);
    }
});
app.Run();
