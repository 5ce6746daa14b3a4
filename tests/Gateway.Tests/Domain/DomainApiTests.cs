using Google.Protobuf.WellKnownTypes;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Api;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests.Domain;

/// <summary>The gateway as Program.cs builds it: every tilsyn.v1 method served by a domain service, changes
/// attributed to the caller, access decided from the organisation directory.</summary>
public sealed class DomainApiTests(DomainGatewayFixture fixture) : IClassFixture<DomainGatewayFixture>
{
    private DomainGateway Gateway => fixture.Gateway;

    [Fact]
    public async Task EveryDeclaredMethodIsServedByADomainService()
    {
        var unserved = new List<string>();
        foreach (var method in TilsynApi.Methods)
        {
            var path = $"/{method.Service.FullName}/{method.Name}";
            var result = await Gateway.CallAsync(path, Frames.Frame(0, []), Gateway.Administration, timeout: "500m");
            if (result.Status == StatusCode.Unimplemented) unserved.Add(path);
        }

        Assert.Empty(unserved);
    }

    [Fact]
    public async Task AChangeIsAttributedToTheCallersPersonAndRoleInTheAuditTrailAndInTheLog()
    {
        var units = await Gateway.OkAsync("/tilsyn.v1.Units/GetUnit", new GetUnitRequest { Name = "units/fu-egebakken" }, Gateway.Administration, Unit.Parser);
        var chief = units.Chief["chiefs/".Length..];

        await Gateway.OkAsync("/tilsyn.v1.Loops/ScheduleConversation", new ScheduleConversationRequest
        {
            Name = "units/fu-egebakken/loop/conversations/2026-Spring",
            ScheduledFor = Timestamp.FromDateTimeOffset(DomainGateway.Start.AddDays(4)),
        }, Gateway.Chief(chief), Conversation.Parser);
        var audit = await Gateway.AuditAsync("unit/fu-egebakken");

        Assert.Equal("ScheduleConversation", audit[^1].Command);
        Assert.Equal(($"person-{chief}", $"person-{chief}", "chief", chief), (audit[^1].Actor.PersonId, audit[^1].Actor.DisplayName, audit[^1].Actor.Role, audit[^1].Actor.RoleId));
        Assert.Contains(Gateway.Logs.Entries, e => e.Message.Contains($"Change by person-{chief} as chief:{chief}: /tilsyn.v1.Loops/ScheduleConversation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AccessFollowsTheDirectoryWhenAUnitMovesToAnotherChief()
    {
        const string csv = "id,name,sector,chief,leader,board\nflytte-skole,Flytteskolen,skole,bu-chef-4,leder-flytte-skole,\n";
        const string moved = "id,name,sector,chief,leader,board\nflytte-skole,Flytteskolen,skole,bu-chef-5,leder-flytte-skole,\n";
        var request = new GetLoopRequest { Name = "units/flytte-skole/loop" };
        await Gateway.OkAsync("/tilsyn.v1.Units/ImportUnits", new ImportUnitsRequest { CsvContent = csv }, Gateway.Administration, ImportUnitsResponse.Parser);
        var before = await Gateway.CallAsync("/tilsyn.v1.Loops/GetLoop", request, Gateway.Chief("bu-chef-4"));

        await Gateway.OkAsync("/tilsyn.v1.Units/ImportUnits", new ImportUnitsRequest { CsvContent = moved }, Gateway.Administration, ImportUnitsResponse.Parser);
        var formerChief = await Gateway.CallAsync("/tilsyn.v1.Loops/GetLoop", request, Gateway.Chief("bu-chef-4"));
        var newChief = await Gateway.CallAsync("/tilsyn.v1.Loops/GetLoop", request, Gateway.Chief("bu-chef-5"));

        Assert.Equal(StatusCode.OK, before.Status);
        Assert.Equal(StatusCode.PermissionDenied, formerChief.Status);
        Assert.Equal(StatusCode.OK, newChief.Status);
    }
}
