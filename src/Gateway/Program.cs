using OrleansTilsyn.Gateway.Api;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Hosting;
using OrleansTilsyn.Gateway.Security;

if (DemoTokensCommand.IsInvoked(args))
{
    return DemoTokensCommand.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
var endpoints = builder.Configuration.GetSection(GatewayEndpointOptions.SectionName).Get<GatewayEndpointOptions>() ?? new();
if (endpoints.HasAnyPort)
{
    builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGateway(endpoints));
}

builder.Services.AddGrpcGateway(builder.Configuration.GetSection(GrpcGatewayOptions.SectionName));
builder.AddTilsynSecurity();
builder.Services.AddReportsApi();
builder.AddCoHostedSilo();

var app = builder.Build();
var bench = builder.Configuration.GetValue<bool>(BenchEndpoints.ConfigKey);
if (bench)
{
    app.MapBenchEndpoints();
}

app.UseAuthentication();
app.UseAuthorization();
app.MapReportPrintRoute();
app.MapGrpcServices(registry =>
{
    if (bench)
    {
        BenchEndpoints.RegisterBenchEcho(registry);
    }

    TilsynApi.Register(registry);
}).RequireAuthorization();
app.Run();
return 0;
