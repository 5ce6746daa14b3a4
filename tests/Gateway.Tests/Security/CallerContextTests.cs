using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Gateway.Security;
using OrleansTilsyn.Grains.Domain.Demo;

namespace OrleansTilsyn.Gateway.Tests.Security;

public sealed class CallerContextTests
{
    private static readonly CallerIdentity Chief = new("p-1", "Demo-chef (bu-chef-1)", "chief", "bu-chef-1");
    private static readonly CallerIdentity Leader = new("p-2", "Demo-leder (dt-aadalen)", "leader", "leder-dt-aadalen");

    [Fact]
    public async Task CallerIsSetForTheScopeAndFlowsIntoAwaitedWork()
    {
        Assert.Null(CallerContext.Current);
        using (CallerContext.As(Chief))
        {
            Assert.Equal(Chief, await Task.Run(() => CallerContext.Current));
        }

        Assert.Null(CallerContext.Current);
    }

    [Fact]
    public void NestedScopeRestoresTheOuterCaller()
    {
        using (CallerContext.As(Chief))
        {
            using (CallerContext.As(Leader))
            {
                Assert.Equal(Leader, CallerContext.Current);
            }

            Assert.Equal(Chief, CallerContext.Current);
        }
    }

    [Fact]
    public void DemoTokensNameTheirSyntheticPerson()
    {
        var folder = Directory.CreateTempSubdirectory("tilsyn-key-");
        var issuer = new LocalTokenIssuer(LocalSigningKey.LoadOrCreate(Path.Combine(folder.FullName, "key.pem")), "issuer", "audience", TimeProvider.System);
        foreach (var identity in DemoIdentities.For(DemoData.Build()))
        {
            var token = new JsonWebTokenHandler().ReadJsonWebToken(issuer.Issue(identity, TimeSpan.FromMinutes(5)));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(token.Claims, "Bearer"));

            Assert.True(CallerClaims.TryRead(principal, out var caller, out var error), error);
            Assert.StartsWith("Demo-", caller.DisplayName);
            Assert.Equal(identity.DisplayName, caller.ToIdentity().DisplayName);
        }

        folder.Delete(recursive: true);
    }
}
