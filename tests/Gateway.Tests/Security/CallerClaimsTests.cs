using System.Security.Claims;
using OrleansTilsyn.Gateway.Security;

namespace OrleansTilsyn.Gateway.Tests.Security;

public sealed class CallerClaimsTests
{
    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Bearer"));

    [Fact]
    public void ChiefIsScopedToTheChiefIdAndAttributedByIt()
    {
        var ok = CallerClaims.TryRead(Principal(("sub", "person-1"), (CallerClaims.Role, "chief"), (CallerClaims.RoleId, "bu-chef-2")), out var caller, out _);

        Assert.True(ok);
        Assert.NotNull(caller);
        Assert.Equal(("person-1", CallerRole.Chief, "bu-chef-2"), (caller.PersonId, caller.Role, caller.RoleId));
        Assert.Equal("bu-chef-2", caller.ChiefId);
        Assert.Equal("chief:bu-chef-2", caller.AttributedAs);
        // Grains check the role id against the unit's chief and board ids, so the actor is the role holder; the audit records the person.
        Assert.Equal(new Contracts.Calls.CallerIdentity("person-1", "person-1", "chief", "bu-chef-2"), caller.ToIdentity());
    }

    [Fact]
    public void LeaderMayHaveSeveralUnits()
    {
        var ok = CallerClaims.TryRead(
            Principal(("sub", "p"), (CallerClaims.Role, "leader"), (CallerClaims.RoleId, "leder-x"), (CallerClaims.Unit, "unit-a"), (CallerClaims.Unit, "unit-b")),
            out var caller, out _);

        Assert.True(ok);
        Assert.Equal(["unit-a", "unit-b"], caller!.UnitIds.ToArray());
        Assert.True(caller.HasUnit("unit-b"));
        Assert.False(caller.HasUnit("unit-c"));
    }

    [Fact]
    public void AdministrationRoleIdDefaultsToTheSubject()
    {
        CallerClaims.TryRead(Principal(("sub", "staff-9"), (CallerClaims.Role, "administration")), out var caller, out _);

        Assert.Equal("staff-9", caller!.RoleId);
        Assert.Empty(caller.UnitIds);
    }

    [Fact]
    public void UnitClaimsOfAChiefAreIgnoredBecauseThePortfolioIsTheScope()
    {
        CallerClaims.TryRead(Principal(("sub", "p"), (CallerClaims.Role, "chief"), (CallerClaims.RoleId, "bu-chef-1"), (CallerClaims.Unit, "unit-a")), out var caller, out _);

        Assert.Empty(caller!.UnitIds);
    }

    [Theory]
    [InlineData("the token has no 'sub' claim", "", "chief", "bu-chef-1", null)]
    [InlineData("exactly one 'tilsyn_role' claim", "p", "", "bu-chef-1", null)]
    [InlineData("exactly one 'tilsyn_role' claim", "p", "superuser", "bu-chef-1", null)]
    [InlineData("a chief token needs a 'tilsyn_role_id' claim", "p", "chief", "", null)]
    [InlineData("a leader token needs at least one 'tilsyn_unit' claim", "p", "leader", "leder-x", null)]
    [InlineData("a board token needs at least one 'tilsyn_unit' claim", "p", "board", "bestyrelse-x", null)]
    [InlineData("'../etc' in 'tilsyn_unit' is not a unit id", "p", "board", "bestyrelse-x", "../etc")]
    [InlineData("a board token needs a 'tilsyn_role_id' claim", "p", "board", "bad id", "unit-a")]
    public void IncompleteClaimsSayWhatIsMissing(string expected, string subject, string role, string roleId, string? unit)
    {
        var claims = new List<(string, string)>();
        if (subject.Length > 0) claims.Add(("sub", subject));
        if (role.Length > 0) claims.Add((CallerClaims.Role, role));
        if (roleId.Length > 0) claims.Add((CallerClaims.RoleId, roleId));
        if (unit is not null) claims.Add((CallerClaims.Unit, unit));

        var ok = CallerClaims.TryRead(Principal([.. claims]), out var caller, out var error);

        Assert.False(ok);
        Assert.Null(caller);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void TwoRolesAreRefused()
    {
        var ok = CallerClaims.TryRead(Principal(("sub", "p"), (CallerClaims.Role, "chief"), (CallerClaims.Role, "administration"), (CallerClaims.RoleId, "bu-chef-1")), out _, out var error);

        Assert.False(ok);
        Assert.Contains("exactly one", error);
    }

    [Fact]
    public void AnonymousPrincipalHasNoCaller()
    {
        var ok = CallerClaims.TryRead(new ClaimsPrincipal(new ClaimsIdentity()), out _, out var error);

        Assert.False(ok);
        Assert.Equal("the call is not authenticated", error);
    }

    [Fact]
    public void DisplayNameIsTheNameClaimAndTheSubjectWithoutOne()
    {
        CallerClaims.TryRead(Principal(("sub", "p-1"), ("name", "  Chef for Område Syd "), (CallerClaims.Role, "chief"), (CallerClaims.RoleId, "bu-chef-1")), out var named, out _);
        CallerClaims.TryRead(Principal(("sub", "p-2"), (CallerClaims.Role, "chief"), (CallerClaims.RoleId, "bu-chef-1")), out var unnamed, out _);

        Assert.Equal("Chef for Område Syd", named!.DisplayName);
        Assert.Equal("p-2", unnamed!.DisplayName);
        Assert.Equal(new Contracts.Calls.CallerIdentity("p-1", "Chef for Område Syd", "chief", "bu-chef-1"), named.ToIdentity());
    }

    [Fact]
    public void DisplayNameLosesControlCharactersAndIsCutToItsLimit()
    {
        CallerClaims.TryRead(Principal(("sub", "p"), ("name", "A\u0000B\nC" + new string('x', 300)), (CallerClaims.Role, "administration")), out var caller, out _);
        CallerClaims.TryRead(Principal(("sub", "p"), ("name", "\u0007 \t"), (CallerClaims.Role, "administration")), out var blank, out _);

        Assert.StartsWith("ABCxxx", caller!.DisplayName);
        Assert.Equal(CallerClaims.MaxDisplayNameLength, caller.DisplayName.Length);
        Assert.Equal("p", blank!.DisplayName);
    }
}
