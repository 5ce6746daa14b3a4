using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests.Domain;

/// <summary>The embedded default (SQLite in the data folder, local signing key): an empty store gets the demo
/// organisation on start, once, so a chief's demo token lists the portfolio and inbox right away.</summary>
public sealed class EmbeddedDefaultTests
{
    [Fact]
    public async Task AnEmptyStoreGetsTheDemoOnceAndAChiefSeesThePortfolioAndInbox()
    {
        var data = Directory.CreateTempSubdirectory("tilsyn-embedded-").FullName;
        var sqlite = new Dictionary<string, string?> { ["Storage:Engine"] = "sqlite", ["Silo:PollReminders"] = "true" };
        try
        {
            int unitsFirst;
            await using (var first = await DomainGateway.StartAsync(sqlite, dataDirectory: data))
            {
                var units = await first.OkAsync("/tilsyn.v1.Units/ListUnits", new ListUnitsRequest(), first.Chief(), ListUnitsResponse.Parser);
                var inbox = await first.OkAsync("/tilsyn.v1.Inbox/ListTasks", new ListTasksRequest { Parent = "chiefs/bu-chef-1" }, first.Chief(), ListTasksResponse.Parser);
                unitsFirst = units.TotalSize;

                Assert.True(units.TotalSize >= 10, $"portfolio of {units.TotalSize}");
                Assert.All(units.Units, u => Assert.Equal("chiefs/bu-chef-1", u.Chief));
                Assert.True(inbox.TotalSize > 0, "the inbox has the loop's tasks");
                Assert.Contains(first.Logs.Entries, e => e.Message.Contains("registered the demo organisation", StringComparison.Ordinal));
            }

            await using var second = await DomainGateway.StartAsync(sqlite, dataDirectory: data);
            var again = await second.OkAsync("/tilsyn.v1.Units/ListUnits", new ListUnitsRequest(), second.Chief(), ListUnitsResponse.Parser);

            Assert.Equal(unitsFirst, again.TotalSize);
            Assert.DoesNotContain(second.Logs.Entries, e => e.Message.Contains("registered the demo organisation", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task SeedingCanBeSwitchedOff()
    {
        await using var gateway = await DomainGateway.StartAsync(new Dictionary<string, string?> { ["Demo:SeedWhenEmpty"] = "false" });

        var units = await gateway.CallAsync("/tilsyn.v1.Units/ListUnits", new ListUnitsRequest(), gateway.Administration);

        Assert.Equal(StatusCode.OK, units.Status);
        Assert.Equal(0, units.Single(ListUnitsResponse.Parser).TotalSize);
    }
}
