using OrleansTilsyn.Gateway.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGrpcGateway(builder.Configuration.GetSection(GrpcGatewayOptions.SectionName));

var app = builder.Build();
app.MapGrpcServices();
app.Run();
