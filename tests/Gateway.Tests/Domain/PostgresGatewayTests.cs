using Google.Protobuf.WellKnownTypes;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests.Domain;

/// <summary>Two gateways, each with its co-hosted silo, on one PostgreSQL database: the demo is seeded once,
/// a change through one is read through the other, and a retry with the same request_id that reaches the
/// other gateway is answered by the domain's rules (the idempotency cache is per gateway) without applying twice.</summary>
public sealed class PostgresGatewayTests
{
    private const string ConversationName = "units/strandens-dagtilbud/loop/conversations/2026-Spring";

    [Fact]
    public async Task TwoGatewaysOnOneDatabaseShareTheLoopsAndNeverApplyAChangeTwice()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var data = Directory.CreateTempSubdirectory("tilsyn-pg-gateways-").FullName;
        try
        {
            Dictionary<string, string?> Settings(string silo) => new()
            {
                ["Storage:Engine"] = "postgres",
                ["Storage:ConnectionString"] = database.ConnectionString,
                ["Demo:SeedWhenEmpty"] = "true",
                ["Silo:SiloName"] = silo,
            };
            await using var first = await DomainGateway.StartAsync(Settings("silo-a"), dataDirectory: data);
            await using var second = await DomainGateway.StartAsync(Settings("silo-b"), dataDirectory: data);
            var chief = first.Chief();
            var hold = new HoldConversationRequest { Name = ConversationName, HeldAt = Timestamp.FromDateTimeOffset(DomainGateway.Start), RequestId = "hold-once" };

            await first.OkAsync("/tilsyn.v1.Loops/ScheduleConversation", new ScheduleConversationRequest
            {
                Name = ConversationName, ScheduledFor = Timestamp.FromDateTimeOffset(DomainGateway.Start.AddDays(2)),
            }, chief, Conversation.Parser);
            var seenBySecond = await second.OkAsync("/tilsyn.v1.Loops/GetConversation", new GetConversationRequest { Name = ConversationName }, chief, Conversation.Parser);
            var held = await first.OkAsync("/tilsyn.v1.Loops/HoldConversation", hold, chief, Conversation.Parser);
            var repeatHere = await first.OkAsync("/tilsyn.v1.Loops/HoldConversation", hold, chief, Conversation.Parser);
            var repeatThere = await second.OkAsync("/tilsyn.v1.Loops/HoldConversation", hold, chief, Conversation.Parser);
            var units = await second.OkAsync("/tilsyn.v1.Units/ListUnits", new ListUnitsRequest(), second.Administration, ListUnitsResponse.Parser);

            Assert.Equal(ConversationStatus.Scheduled, seenBySecond.Status);
            Assert.Equal(held, repeatHere);
            Assert.Equal(held, repeatThere); // the key is kept with the change, so the other gateway answers the repeat too

            Assert.Equal(103, units.TotalSize);
            Assert.Single(first.Logs.Entries.Concat(second.Logs.Entries), e => e.Message.Contains("registered the demo organisation", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
