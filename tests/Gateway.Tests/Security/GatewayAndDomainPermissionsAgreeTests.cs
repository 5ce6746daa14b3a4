using System.Collections.Immutable;
using System.Reflection;
using Google.Protobuf.Reflection;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Gateway.Security;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Organisation;
using ApiV1 = OrleansTilsyn.Contracts.Api.V1;

namespace OrleansTilsyn.Gateway.Tests.Security;

/// <summary>
/// Every tilsyn.v1 method x every role x every relation to a municipal and a self-owned unit: the
/// gateway lets a call through exactly when the domain lets the caller do the grain command (or read
/// the scope) the method performs, so the gateway's policy and the domain's rules cannot drift apart.
/// </summary>
public sealed class GatewayAndDomainPermissionsAgreeTests
{
    /// <summary>The domain's decision for a caller (as the grain sees them) on a unit.</summary>
    private delegate bool DomainCheck(Unit unit, Actor actor);

    private static DomainCheck Command(Party parties) => (unit, actor) => LoopPermissions.Allows(unit, actor, parties);

    private static DomainCheck Read(ReadScope scope) => (unit, actor) => LoopPermissions.CanRead(unit, actor, scope);

    /// <summary>A written report: readable when the caller may read it in some state (the grain narrows by state).</summary>
    private static readonly DomainCheck ReadWrittenReport = (unit, actor) =>
        new[] { (false, false), (true, true), (true, false) }.Any(s => LoopPermissions.Allows(unit, actor, UnitPermissions.ReportReaders(s.Item1, s.Item2)));

    /// <summary>Methods that reach no single unit from the request (lists, imports, templates, cross-unit overviews).</summary>
    private static readonly DomainCheck? CrossUnit = null;

    /// <summary>What each method's grain call checks in the domain.</summary>
    private static readonly Dictionary<string, DomainCheck?> GrainChecks = new(StringComparer.Ordinal)
    {
        ["tilsyn.v1.Units/GetUnit"] = Read(ReadScope.Status),
        ["tilsyn.v1.Units/ListUnits"] = CrossUnit,
        ["tilsyn.v1.Units/ImportUnits"] = CrossUnit,

        ["tilsyn.v1.Loops/GetLoop"] = Read(ReadScope.Status),
        ["tilsyn.v1.Loops/GetLoopTimeline"] = Read(ReadScope.Status),
        ["tilsyn.v1.Loops/GetConversation"] = Read(ReadScope.Meetings),
        ["tilsyn.v1.Loops/ScheduleConversation"] = Command(UnitPermissions.ConductConversation),
        ["tilsyn.v1.Loops/HoldConversation"] = Command(UnitPermissions.ConductConversation),
        ["tilsyn.v1.Loops/SubmitConversationRecord"] = Command(UnitPermissions.ConductConversation),
        ["tilsyn.v1.Loops/CorrectConversationRecord"] = Command(UnitPermissions.ConductConversation),
        ["tilsyn.v1.Loops/AddBoardStatement"] = Command(UnitPermissions.AddBoardStatement),
        ["tilsyn.v1.Loops/ListBoardStatements"] = Read(ReadScope.Statements),
        ["tilsyn.v1.Loops/GetConversationAgenda"] = Read(ReadScope.Meetings),
        ["tilsyn.v1.Loops/ChooseFocusAreas"] = Command(UnitPermissions.ChooseFocusAreas),
        ["tilsyn.v1.Loops/ListAgreements"] = Read(ReadScope.Meetings),
        ["tilsyn.v1.Loops/CloseAgreement"] = Command(UnitPermissions.CloseAgreement),
        ["tilsyn.v1.Loops/GetOneToOne"] = Read(ReadScope.OneToOnes),
        ["tilsyn.v1.Loops/ScheduleOneToOne"] = Command(UnitPermissions.ManageOneToOnes),
        ["tilsyn.v1.Loops/HoldOneToOne"] = Command(UnitPermissions.ManageOneToOnes),
        ["tilsyn.v1.Loops/RecordOneToOne"] = Command(UnitPermissions.ManageOneToOnes),
        ["tilsyn.v1.Loops/GetOneToOneAgenda"] = Read(ReadScope.OneToOnes),
        ["tilsyn.v1.Loops/GetBoardReport"] = Read(ReadScope.Reports),
        ["tilsyn.v1.Loops/SubmitBoardReport"] = Command(UnitPermissions.SubmitBoardReport),
        ["tilsyn.v1.Loops/ReviewBoardReport"] = Command(UnitPermissions.ReviewBoardReport),
        ["tilsyn.v1.Loops/RecordBoardFollowUpMeeting"] = Command(UnitPermissions.ReviewBoardReport),
        ["tilsyn.v1.Loops/SubmitOpsamling"] = Command(UnitPermissions.SubmitOpsamling),

        ["tilsyn.v1.DataPackages/ImportDataPackageRelease"] = CrossUnit,
        ["tilsyn.v1.DataPackages/GetUnitDataPackage"] = Read(ReadScope.Status),
        ["tilsyn.v1.DataPackages/ListUnitDataPackages"] = Read(ReadScope.Status),

        ["tilsyn.v1.Inbox/ListTasks"] = Read(ReadScope.Status),
        ["tilsyn.v1.Inbox/CompleteTask"] = Read(ReadScope.Status),
        ["tilsyn.v1.Inbox/WatchInbox"] = Read(ReadScope.Status),

        ["tilsyn.v1.Areas/GetThemes"] = CrossUnit,
        ["tilsyn.v1.Areas/SetThemes"] = CrossUnit,
        ["tilsyn.v1.Areas/GetFocusAreaOverview"] = CrossUnit,
        ["tilsyn.v1.Areas/GetOpsamlingOverview"] = CrossUnit,

        ["tilsyn.v1.Administration/GetWheelConfig"] = CrossUnit,
        ["tilsyn.v1.Administration/AddWheelVersion"] = CrossUnit,

        ["tilsyn.v1.Operations/GetLoopHealthSummary"] = CrossUnit,
        ["tilsyn.v1.Operations/ListUnitLoopHealth"] = CrossUnit,

        ["tilsyn.v1.Reports/GetTemplate"] = CrossUnit,
        ["tilsyn.v1.Reports/ListTemplates"] = CrossUnit,
        ["tilsyn.v1.Reports/PublishTemplate"] = CrossUnit,
        ["tilsyn.v1.Reports/StartReport"] = Command(UnitPermissions.WriteReport),
        ["tilsyn.v1.Reports/SaveDraft"] = Command(UnitPermissions.WriteReport),
        ["tilsyn.v1.Reports/SubmitReport"] = Command(UnitPermissions.WriteReport),
        ["tilsyn.v1.Reports/CorrectReport"] = Command(UnitPermissions.WriteReport),
        ["tilsyn.v1.Reports/GetReport"] = ReadWrittenReport,
        ["tilsyn.v1.Reports/GetReceipt"] = ReadWrittenReport,
        ["tilsyn.v1.Reports/RenderPrintable"] = ReadWrittenReport,
        ["tilsyn.v1.Reports/ReviewReport"] = Command(UnitPermissions.ReviewBoardReport),
        ["tilsyn.v1.Reports/ScheduleFollowUpMeeting"] = Command(UnitPermissions.ReviewBoardReport),
        ["tilsyn.v1.Reports/RecordFollowUpMeeting"] = Command(UnitPermissions.ReviewBoardReport),
        ["tilsyn.v1.Reports/CloseCase"] = Command(UnitPermissions.ReviewBoardReport),
        ["tilsyn.v1.Reports/GetCase"] = Read(ReadScope.Reports),
        ["tilsyn.v1.Reports/GetReportStatus"] = CrossUnit,
    };

    private static readonly Unit Municipal = UnitOf("unit-m", selfOwned: false);
    private static readonly Unit SelfOwned = UnitOf("unit-s", selfOwned: true);

    /// <summary>The tilsyn.v1 methods as declared in the protos' descriptors.</summary>
    private static IEnumerable<string> DeclaredMethods() =>
        typeof(ApiV1.LoopsReflection).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .Where(f => f.Package == "tilsyn.v1")
            .SelectMany(f => f.Services)
            .SelectMany(s => s.Methods.Select(m => $"{s.FullName}/{m.Name}"));

    /// <summary>Each role in each relation to the unit: its own and another chief, leader and board, the administration, operations.</summary>
    private static IEnumerable<(string Relation, Caller Caller)> CallersOf(Unit unit)
    {
        var id = unit.Id.Value;
        yield return ("own chief", new Caller("p1", CallerRole.Chief, unit.Chief.Value, []));
        yield return ("other chief", new Caller("p2", CallerRole.Chief, "bu-chef-2", []));
        yield return ("own leader", new Caller("p3", CallerRole.Leader, unit.Leader.Value, [id]));
        yield return ("other leader", new Caller("p4", CallerRole.Leader, "leder-unit-x", ["unit-x"]));
        yield return ("own board", new Caller("p5", CallerRole.Board, unit.Board!.Value.Value, [id]));
        yield return ("other board", new Caller("p6", CallerRole.Board, "bestyrelse-unit-x", ["unit-x"]));
        yield return ("administration", new Caller("p7", CallerRole.Administration, "forvaltningen-1", []));
        yield return ("operations", new Caller("p8", CallerRole.Operations, "drift-1", []));
    }

    [Fact]
    public void EveryDeclaredMethodSaysWhichDomainCheckItsGrainCallMakes()
    {
        var methods = DeclaredMethods().ToList();

        Assert.NotEmpty(methods);
        Assert.Empty(methods.Except(GrainChecks.Keys));
        Assert.Empty(GrainChecks.Keys.Except(methods));
    }

    [Fact]
    public void GatewayAllowsAUnitMethodExactlyWhenTheDomainAllowsItsGrainCommand()
    {
        var disagreements = new List<string>();
        var decisions = 0;

        foreach (var method in DeclaredMethods())
        {
            var action = ApiMethodAccess.Actions[method];
            var domain = GrainChecks[method];
            if (AccessPolicy.IsUnitScoped(action) != domain is not null)
            {
                disagreements.Add($"{method}: the gateway {(AccessPolicy.IsUnitScoped(action) ? "checks" : "does not check")} a unit, the test table says otherwise");
                continue;
            }

            if (domain is null) continue;
            foreach (var unit in new[] { Municipal, SelfOwned })
            {
                var facts = new UnitAccessFacts(unit.Id.Value, unit.Chief.Value, unit.SelfOwned);
                foreach (var (relation, caller) in CallersOf(unit))
                {
                    var gateway = AccessPolicy.CheckUnit(caller, action, unit.Id.Value, facts).IsAllowed;
                    var grain = domain(unit, AsTheGrainSeesIt(caller));
                    decisions++;
                    if (gateway != grain)
                        disagreements.Add($"{method} by the {relation} of a {Kind(unit)} unit: gateway {Word(gateway)}, domain {Word(grain)}");
                }
            }
        }

        Assert.Empty(disagreements);
        Assert.True(decisions > 0, "no method reached a unit");
    }

    [Fact]
    public void RoleGateLetsARoleThroughExactlyWhenTheDomainAllowsItOnSomeUnit()
    {
        var disagreements = new List<string>();

        foreach (var method in DeclaredMethods().Where(m => GrainChecks[m] is not null))
        {
            var action = ApiMethodAccess.Actions[method];
            foreach (var role in Enum.GetValues<CallerRole>())
            {
                var domainSomewhere = new[] { Municipal, SelfOwned }.Any(unit => CallersOf(unit)
                    .Where(c => c.Caller.Role == role)
                    .Any(c => GrainChecks[method]!(unit, AsTheGrainSeesIt(c.Caller))));
                if (AccessPolicy.MayEver(role, action) != domainSomewhere)
                    disagreements.Add($"{method} for {role}: gateway {Word(AccessPolicy.MayEver(role, action))}, domain {Word(domainSomewhere)}");
            }
        }

        Assert.Empty(disagreements);
    }

    private static Unit UnitOf(string id, bool selfOwned) => new(
        UnitId.Parse(id), $"Unit {id}", Sector.Dagtilbud, LeaderId.Parse($"leder-{id}"), ChiefId.Parse("bu-chef-1"),
        BoardId.Parse($"bestyrelse-{id}"), ImmutableArray<SubUnit>.Empty, selfOwned, Special: false);

    /// <summary>The domain actor the grains make of the caller the gateway passes on.</summary>
    private static Actor AsTheGrainSeesIt(Caller caller) =>
        Actors.ToDomain(caller.ToIdentity()).Value ?? throw new InvalidOperationException($"{caller.RoleName} is not a domain role.");

    private static string Kind(Unit unit) => unit.SelfOwned ? "self-owned" : "municipal";

    private static string Word(bool allowed) => allowed ? "allows" : "denies";
}
