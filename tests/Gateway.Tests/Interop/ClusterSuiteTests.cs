using OrleansTilsyn.Gateway.Tests.Domain;

namespace OrleansTilsyn.Gateway.Tests.Interop;

/// <summary>Runs the cluster end-to-end test (tests/Interop/cluster): deploy/cluster.sh starts two silo+gateway
/// processes on the cluster store deploy/cluster.sh chooses (moving from PostgreSQL to Azurite), one is killed with
/// SIGKILL and restarted while all demo units run their loop through the gateways.</summary>
[Collection(NodeSuitesCollection.Name)]
public sealed class ClusterSuiteTests
{
    [Fact]
    public async Task ClusterKeepsEveryChangeOnceWhenASiloIsKilledMidLoop()
    {
        var run = await NodeSuite.RunAsync("Interop", "cluster", TimeSpan.FromMinutes(12), new Dictionary<string, string>());

        Assert.True(run.AllPassed, run.Summary);
    }
}
