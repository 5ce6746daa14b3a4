using OrleansTilsyn.Gateway.Tests.Domain;

namespace OrleansTilsyn.Gateway.Tests.Interop;

/// <summary>Runs the cluster end-to-end test (tests/Interop/cluster): deploy/cluster.sh starts two silo+gateway
/// processes on a fresh PostgreSQL database, one is killed with SIGKILL and restarted while all demo units run
/// their loop through the gateways.</summary>
[Collection(NodeSuitesCollection.Name)]
public sealed class ClusterSuiteTests
{
    [Fact]
    public async Task ClusterKeepsEveryChangeOnceWhenASiloIsKilledMidLoop()
    {
        await using var database = await PostgresDatabase.CreateAsync();

        var run = await NodeSuite.RunAsync("Interop", "cluster", TimeSpan.FromMinutes(12), new Dictionary<string, string> { ["TILSYN_CLUSTER_PG"] = database.ConnectionString });

        Assert.True(run.AllPassed, run.Summary);
    }
}
