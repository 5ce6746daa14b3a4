using Google.Protobuf.WellKnownTypes;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Tests.Domain.Storage;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests.Domain;

/// <summary>A deadline ends the wait for a grain call that is still running; a change with a request_id
/// still runs to its end, once, so a retry finds its outcome.</summary>
public sealed class DeadlineTests
{
    private const string Schedule = "/tilsyn.v1.Loops/ScheduleConversation";
    private const string ConversationName = "units/strandens-dagtilbud/loop/conversations/2026-Spring";

    [Fact]
    public async Task DeadlineEndsTheCallWhileTheGrainIsStillWritingAndARetryFindsTheChangeAppliedOnce()
    {
        var store = new GatedStorage("unit");
        await using var gateway = await DomainGateway.StartAsync(storage: store.Wrap);
        const string unit = "unit/strandens-dagtilbud";
        var auditBefore = (await gateway.AuditAsync(unit)).Count;
        var request = new ScheduleConversationRequest
        {
            Name = ConversationName,
            ScheduledFor = Timestamp.FromDateTimeOffset(DomainGateway.Start.AddDays(3)),
            RequestId = "deadline-1",
        };

        // The gate holds the write until released, so the deadline passes while the grain writes; it is long enough that
        // the access check ahead of the write finishes on a loaded machine (a deadline passing before the write starts
        // leaves nothing writing).
        store.Close();
        var late = await gateway.CallAsync(Schedule, request, gateway.Chief(), timeout: "3S");
        var stillWriting = store.Waiting;
        store.Release();
        var retry = await gateway.OkAsync(Schedule, request, gateway.Chief(), Conversation.Parser);
        var auditAfter = await gateway.AuditAsync(unit);

        Assert.Equal(StatusCode.DeadlineExceeded, late.Status);
        Assert.Equal(1, stillWriting);
        Assert.Equal(ConversationStatus.Scheduled, retry.Status);
        Assert.Equal(auditBefore + 1, auditAfter.Count);
        Assert.Equal(("person-bu-chef-1", "chief", "bu-chef-1"), (auditAfter[^1].Actor.PersonId, auditAfter[^1].Actor.Role, auditAfter[^1].Actor.RoleId));
        Assert.Empty(gateway.HandlerFailures);
    }
}
