using OrleansTilsyn.Gateway.Hosting;
using OrleansTilsyn.Gateway.Security;

if (DemoTokensCommand.IsInvoked(args))
{
    return DemoTokensCommand.Run(args, Console.Out, Console.Error);
}

var app = GatewayApplication.Build(WebApplication.CreateBuilder(args));
app.Run();
return 0;
