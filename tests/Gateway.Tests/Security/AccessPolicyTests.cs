using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;

namespace OrleansTilsyn.Gateway.Tests.Security;

/// <summary>The access matrix of SPEC "Roles and what they may do", per action and per relation of
/// the caller to the unit. Cases: chief-a / chief-s are chief-1 on its unit A (chief holds the
/// conversations) and on its self-owned unit S; leader-a / leader-s the leaders of A and S;
/// board-a / board-s board members of A and S; admin and ops on A.</summary>
public sealed class AccessPolicyTests
{
    private static readonly UnitAccessFacts UnitA = new("unit-a", "bu-chef-1", SelfOwned: false);
    private static readonly UnitAccessFacts UnitS = new("unit-s", "bu-chef-1", SelfOwned: true);
    private static readonly UnitAccessFacts UnitB = new("unit-b", "bu-chef-2", SelfOwned: false);
    private static readonly AccessPolicy Policy = new(new StaticPortfolioLookup([UnitA, UnitS, UnitB]));

    private static readonly Caller Chief1 = new("p1", CallerRole.Chief, "bu-chef-1", []);
    private static readonly Caller Chief2 = new("p2", CallerRole.Chief, "bu-chef-2", []);
    private static readonly Caller LeaderA = new("p3", CallerRole.Leader, "leder-unit-a", ["unit-a"]);
    private static readonly Caller LeaderS = new("p4", CallerRole.Leader, "leder-unit-s", ["unit-s"]);
    private static readonly Caller BoardA = new("p5", CallerRole.Board, "bestyrelse-unit-a", ["unit-a"]);
    private static readonly Caller BoardS = new("p6", CallerRole.Board, "bestyrelse-unit-s", ["unit-s"]);
    private static readonly Caller Admin = new("p7", CallerRole.Administration, "forvaltningen-1", []);
    private static readonly Caller Ops = new("p8", CallerRole.Operations, "drift-1", []);

    private static readonly (string Name, Caller Caller, UnitAccessFacts Unit)[] Cases =
    [
        ("chief-a", Chief1, UnitA), ("chief-s", Chief1, UnitS), ("leader-a", LeaderA, UnitA), ("leader-s", LeaderS, UnitS),
        ("board-a", BoardA, UnitA), ("board-s", BoardS, UnitS), ("admin", Admin, UnitA), ("ops", Ops, UnitA),
    ];

    [Theory]
    [InlineData(ApiAction.ReadUnit, "chief-a chief-s leader-a leader-s board-a board-s admin")]
    [InlineData(ApiAction.ReadLoopStatus, "chief-a chief-s leader-a leader-s board-a board-s admin")]
    [InlineData(ApiAction.ReadMeetingContent, "chief-a chief-s leader-a leader-s board-s")]
    [InlineData(ApiAction.ConductConversation, "chief-a leader-a leader-s board-s")]
    [InlineData(ApiAction.AddBoardStatement, "leader-a leader-s board-a board-s")]
    [InlineData(ApiAction.ReadBoardStatements, "chief-a chief-s leader-a leader-s board-a board-s")]
    [InlineData(ApiAction.ChooseFocusAreas, "chief-a leader-a leader-s board-s")]
    [InlineData(ApiAction.CloseAgreement, "chief-a chief-s leader-a leader-s board-s")]
    [InlineData(ApiAction.ManageOneToOnes, "chief-a chief-s leader-a leader-s")]
    [InlineData(ApiAction.ReadBoardReport, "chief-a chief-s leader-a leader-s board-s admin")]
    [InlineData(ApiAction.SubmitBoardReport, "board-s")]
    [InlineData(ApiAction.ReviewBoardReport, "chief-a chief-s")]
    [InlineData(ApiAction.SubmitOpsamling, "chief-a leader-a leader-s board-s")]
    [InlineData(ApiAction.ReadDataPackage, "chief-a chief-s leader-a leader-s board-a board-s admin")]
    [InlineData(ApiAction.ReadTasks, "chief-a chief-s leader-a leader-s board-a board-s admin")]
    [InlineData(ApiAction.CompleteTask, "chief-a chief-s leader-a leader-s board-a board-s admin")]
    public void UnitActionIsAllowedExactlyForTheExpectedRelations(ApiAction action, string allowed)
    {
        var expected = allowed.Split(' ').ToHashSet();

        foreach (var (name, caller, unit) in Cases)
        {
            var decision = AccessPolicy.CheckUnit(caller, action, unit.UnitId, unit);
            Assert.True(expected.Contains(name) == decision.IsAllowed, $"{action} for {name}: {(decision.IsAllowed ? "allowed" : decision.Message)}");
            if (!decision.IsAllowed)
            {
                Assert.Equal(StatusCode.PermissionDenied, decision.Code);
            }
        }
    }

    [Theory]
    [InlineData(ApiAction.ListUnits, "chief leader board admin")]
    [InlineData(ApiAction.ImportUnits, "admin")]
    [InlineData(ApiAction.ImportDataPackage, "admin")]
    [InlineData(ApiAction.ReadThemes, "chief leader board admin")]
    [InlineData(ApiAction.SetThemes, "admin")]
    [InlineData(ApiAction.ReadAreaReports, "admin")]
    [InlineData(ApiAction.ReadWheelConfiguration, "chief leader admin")]
    [InlineData(ApiAction.ChangeWheelConfiguration, "admin")]
    [InlineData(ApiAction.ReadHealth, "admin ops")]
    public void CrossUnitActionIsAllowedExactlyForTheExpectedRoles(ApiAction action, string allowed)
    {
        var expected = allowed.Split(' ').ToHashSet();
        var callers = new[] { ("chief", Chief1), ("leader", LeaderA), ("board", BoardS), ("admin", Admin), ("ops", Ops) };

        foreach (var (name, caller) in callers)
        {
            var decision = AccessPolicy.CheckGlobal(caller, action);
            Assert.True(expected.Contains(name) == decision.IsAllowed, $"{action} for {name}: {(decision.IsAllowed ? "allowed" : decision.Message)}");
        }
    }

    [Fact]
    public void OperationsNeverReachesMeetingContentOrAnyUnit()
    {
        foreach (var action in Enum.GetValues<ApiAction>().Where(a => a is not (ApiAction.ReadHealth or ApiAction.ReadReportStatus)))
        {
            Assert.False(AccessPolicy.MayEver(CallerRole.Operations, action), $"operations may {action}");
        }
    }

    [Fact]
    public void MethodGateAllowsARoleExactlyWhenSomeUnitCaseAllowsIt()
    {
        foreach (var action in Enum.GetValues<ApiAction>().Where(AccessPolicy.IsUnitScoped))
        {
            foreach (var role in Enum.GetValues<CallerRole>())
            {
                var someCase = Cases.Any(c => c.Caller.Role == role && AccessPolicy.CheckUnit(c.Caller, action, c.Unit.UnitId, c.Unit).IsAllowed);
                Assert.True(someCase == AccessPolicy.MayEver(role, action), $"{role} / {action}");
            }
        }
    }

    [Fact]
    public async Task UnitsOutsideTheScopeAreDeniedWithTheReason()
    {
        var otherPortfolio = await Policy.CheckUnitAsync(Chief2, ApiAction.ReadUnit, "unit-a", CancellationToken.None);
        var otherUnit = await Policy.CheckUnitAsync(LeaderA, ApiAction.ReadUnit, "unit-b", CancellationToken.None);
        var otherBoard = await Policy.CheckUnitAsync(BoardA, ApiAction.ReadUnit, "unit-s", CancellationToken.None);

        Assert.Equal(AccessDecision.Denied("Unit unit-a is not in the portfolio of chief bu-chef-2."), otherPortfolio);
        Assert.Equal(AccessDecision.Denied("Unit unit-b is not a unit of leader leder-unit-a."), otherUnit);
        Assert.Equal(AccessDecision.Denied("Unit unit-s is not the unit of this board member (bestyrelse-unit-a)."), otherBoard);
    }

    [Fact]
    public async Task UnknownUnitIsNotFoundOnlyForWhoCouldSeeIt()
    {
        var admin = await Policy.CheckUnitAsync(Admin, ApiAction.ReadUnit, "no-such-unit", CancellationToken.None);
        var chief = await Policy.CheckUnitAsync(Chief1, ApiAction.ReadUnit, "no-such-unit", CancellationToken.None);
        var leaderOfIt = await Policy.CheckUnitAsync(LeaderA with { UnitIds = ["no-such-unit"] }, ApiAction.ReadUnit, "no-such-unit", CancellationToken.None);

        Assert.Equal(StatusCode.NotFound, admin.Code);
        Assert.Equal(StatusCode.PermissionDenied, chief.Code);
        Assert.Equal(StatusCode.PermissionDenied, leaderOfIt.Code);
    }

    [Fact]
    public void DenialsExplainTheSelfOwnedRule()
    {
        var chiefOfSelfOwned = AccessPolicy.CheckUnit(Chief1, ApiAction.ConductConversation, "unit-s", UnitS);
        var boardOfOrdinary = AccessPolicy.CheckUnit(BoardA, ApiAction.SubmitBoardReport, "unit-a", UnitA);

        Assert.Equal("Chief bu-chef-1 may not schedule, hold or write up the conversations of unit unit-s. The board of a self-owned daycare holds its conversations.",
            chiefOfSelfOwned.Message);
        Assert.Equal("Board member (bestyrelse-unit-a) may not submit the board's supervision report of unit unit-a. Only the board of a self-owned daycare holds conversations and reports its supervision.",
            boardOfOrdinary.Message);
    }

    [Theory]
    [InlineData(AssigneeRole.Chief, "chief")]
    [InlineData(AssigneeRole.Leader, "leader")]
    [InlineData(AssigneeRole.Board, "board")]
    [InlineData(AssigneeRole.Administration, "admin")]
    public void OnlyTheAssigneesRoleCompletesATask(AssigneeRole assignee, string allowed)
    {
        var callers = new[] { ("chief", Chief1), ("leader", LeaderA), ("board", BoardA), ("admin", Admin) };

        foreach (var (name, caller) in callers)
        {
            var decision = AccessPolicy.CheckTaskCompletion(caller, UnitA, "unit-a", assignee);
            Assert.True((name == allowed) == decision.IsAllowed, $"{name} completing a {assignee} task: {decision.Message}");
        }
    }

    [Fact]
    public void ChiefsInboxIsTheChiefsOwn()
    {
        Assert.True(AccessPolicy.CheckChiefInbox(Chief1, "bu-chef-1").IsAllowed);
        Assert.Equal("Only chief bu-chef-1 may read the inbox of chief bu-chef-1; chief bu-chef-2 may not.", AccessPolicy.CheckChiefInbox(Chief2, "bu-chef-1").Message);
        Assert.False(AccessPolicy.CheckChiefInbox(Admin, "bu-chef-1").IsAllowed);
        Assert.False(AccessPolicy.CheckChiefInbox(LeaderA, "bu-chef-1").IsAllowed);
    }

    [Fact]
    public void ListScopeFollowsTheRole()
    {
        Assert.True(AccessPolicy.ScopeOf(Admin).Includes("unit-b", "bu-chef-2"));
        Assert.True(AccessPolicy.ScopeOf(Chief1).Includes("unit-s", "bu-chef-1"));
        Assert.False(AccessPolicy.ScopeOf(Chief1).Includes("unit-b", "bu-chef-2"));
        Assert.True(AccessPolicy.ScopeOf(BoardA).Includes("unit-a", "bu-chef-1"));
        Assert.False(AccessPolicy.ScopeOf(BoardA).Includes("unit-s", "bu-chef-1"));
        Assert.False(AccessPolicy.ScopeOf(Ops).Includes("unit-a", "bu-chef-1"));
    }

    [Fact]
    public void DeniedDecisionThrowsTheGrpcStatus()
    {
        var error = Assert.Throws<GrpcStatusException>(() => AccessPolicy.CheckUnit(Ops, ApiAction.ReadUnit, "unit-a", UnitA).ThrowIfNotAllowed());

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }
}
