global using OrleansTilsyn.Gateway.Tests.Echo;
global using OrleansTilsyn.Gateway.Tests.Infrastructure;
global using StatusCode = Grpc.Core.StatusCode;
