using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;

namespace OrleansTilsyn.Gateway.Tests.Security;

public sealed class CallContextSecurityTests
{
    private static TestServerCallContext ContextOf(params (string Type, string Value)[] claims)
    {
        var services = new ServiceCollection()
            .AddSingleton<IPortfolioLookup>(new StaticPortfolioLookup([new UnitAccessFacts("unit-a", "bu-chef-1", SelfOwned: false)]))
            .AddSingleton<AccessPolicy>()
            .BuildServiceProvider();
        var identity = claims.Length == 0 ? new ClaimsIdentity() : new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Bearer");
        var http = new DefaultHttpContext { RequestServices = services, User = new ClaimsPrincipal(identity) };
        return new TestServerCallContext(http, "/tilsyn.v1.Units/GetUnit");
    }

    [Fact]
    public async Task CallerInScopeIsReturnedForAttribution()
    {
        var context = ContextOf(("sub", "person-1"), (CallerClaims.Role, "chief"), (CallerClaims.RoleId, "bu-chef-1"));

        var caller = await context.RequireUnitAccessAsync(ApiAction.ReadUnit, "unit-a");

        Assert.Equal("chief:bu-chef-1", caller.AttributedAs);
    }

    [Fact]
    public async Task CallerOutOfScopeGetsPermissionDenied()
    {
        var context = ContextOf(("sub", "person-2"), (CallerClaims.Role, "chief"), (CallerClaims.RoleId, "bu-chef-2"));

        var error = await Assert.ThrowsAsync<GrpcStatusException>(() => context.RequireUnitAccessAsync(ApiAction.ReadUnit, "unit-a"));

        Assert.Equal((StatusCode.PermissionDenied, "Unit unit-a is not in the portfolio of chief bu-chef-2."), (error.StatusCode, error.Message));
    }

    [Fact]
    public async Task AdministrationLearnsThatAUnitDoesNotExist()
    {
        var context = ContextOf(("sub", "person-3"), (CallerClaims.Role, "administration"));

        var error = await Assert.ThrowsAsync<GrpcStatusException>(() => context.RequireUnitAccessAsync(ApiAction.ReadUnit, "unit-x"));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public void AnonymousCallHasNoCaller()
    {
        var error = Assert.Throws<GrpcStatusException>(() => ContextOf().GetCaller());

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }
}
