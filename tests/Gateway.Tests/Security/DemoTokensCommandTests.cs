using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;

namespace OrleansTilsyn.Gateway.Tests.Security;

public sealed class DemoTokensCommandTests
{
    [Fact]
    public async Task JsonTokensCoverEveryRoleAndAreAcceptedByAGatewayOnTheSameDataFolder()
    {
        var data = Directory.CreateTempSubdirectory("tilsyn-demo-tokens-").FullName;
        var output = new StringWriter();

        var exit = DemoTokensCommand.Run(["demo-tokens", "--json", "--hours=2", "--Auth:Demo=true", $"--Storage:DataDirectory={data}"], output, new StringWriter());

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(output.ToString());
        var tokens = document.RootElement.GetProperty("tokens").EnumerateArray().ToArray();
        Assert.Equal(
            ["administration", "board", "chief", "leader", "operations"],
            tokens.Select(t => t.GetProperty("role").GetString()).Distinct().Order());
        Assert.Contains(tokens, t => t.GetProperty("label").GetString() == "board:dt-havbrisen");
        await using var gateway = await SecuredGateway.StartAsync(dataDirectory: data);
        var leader = tokens.First(t => t.GetProperty("role").GetString() == "leader").GetProperty("token").GetString()!;
        var result = await gateway.CallAsync("/tilsyn.v1.Loops/GetLoop", new GetLoopRequest { Name = "units/strandens-dagtilbud/loop" }, leader);
        Directory.Delete(data, recursive: true);

        Assert.Equal(StatusCode.Unimplemented, result.Status);
    }

    [Fact]
    public void TokensExpireAfterTheGivenHoursAndCarryTheScope()
    {
        var data = Directory.CreateTempSubdirectory("tilsyn-demo-tokens-").FullName;
        var output = new StringWriter();

        DemoTokensCommand.Run(["demo-tokens", "--json", "--hours=3", "--Auth:Demo=true", $"--Storage:DataDirectory={data}"], output, new StringWriter());

        using var document = JsonDocument.Parse(output.ToString());
        var board = document.RootElement.GetProperty("tokens").EnumerateArray().First(t => t.GetProperty("label").GetString() == "board:dt-havbrisen");
        var jwt = new JsonWebToken(board.GetProperty("token").GetString());
        Directory.Delete(data, recursive: true);
        Assert.Equal(TimeSpan.FromHours(3), jwt.ValidTo - jwt.ValidFrom);
        Assert.Equal("board", jwt.GetClaim(CallerClaims.Role).Value);
        Assert.Equal("bestyrelse-dt-havbrisen", jwt.GetClaim(CallerClaims.RoleId).Value);
        Assert.Equal("dt-havbrisen", jwt.GetClaim(CallerClaims.Unit).Value);
        Assert.Equal(SecurityAlgorithms.EcdsaSha256, jwt.Alg);
    }

    [Fact]
    public void RefusesWhenAnOidcProviderIsConfigured()
    {
        var error = new StringWriter();

        var exit = DemoTokensCommand.Run(["demo-tokens", "--Auth:Demo=false", "--Auth:Authority=https://idp.example/realms/tilsyn"], new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.Contains("Oidc", error.ToString());
    }

    [Fact]
    public void RefusesOutsideDemoModeAndCreatesNoKey()
    {
        var data = Directory.CreateTempSubdirectory("tilsyn-demo-tokens-").FullName;
        var error = new StringWriter();

        var exit = DemoTokensCommand.Run(["demo-tokens", "--Auth:Demo=false", $"--Storage:DataDirectory={data}"], new StringWriter(), error);

        var keyCreated = Directory.Exists(Path.Combine(data, "auth"));
        Directory.Delete(data, recursive: true);
        Assert.Equal(2, exit);
        Assert.Contains("Auth:Demo=true", error.ToString());
        Assert.False(keyCreated, "no local signing key outside demo mode");
    }
}
