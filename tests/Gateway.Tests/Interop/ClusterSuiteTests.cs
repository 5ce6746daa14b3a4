using OrleansTilsyn.Gateway.Tests.Domain;

namespace OrleansTilsyn.Gateway.Tests.Interop;

/// <summary>Runs the cluster end-to-end test (tests/Interop/cluster): deploy/cluster.sh starts two silo+gateway
/// processes (each co-hosting an Orleans silo) on Azure tables of their own in the test run's Azurite
/// (<c>TILSYN_TEST_AZURITE</c>, started by tests/run-all.sh), one is killed with SIGKILL and restarted while all demo
/// units run their loop through the gateways.</summary>
[Collection(NodeSuitesCollection.Name)]
public sealed class ClusterSuiteTests
{
    [Fact]
    public async Task ClusterKeepsEveryChangeOnceWhenASiloIsKilledMidLoop()
    {
        var azurite = Environment.GetEnvironmentVariable("TILSYN_TEST_AZURITE");
        Assert.False(string.IsNullOrEmpty(azurite),
            "TILSYN_TEST_AZURITE is not set: the cluster suite runs on Azurite. tests/run-all.sh starts it; by hand: "
            + "export TILSYN_TEST_AZURITE=$(bash tests/start-azurite.sh /tmp/azurite) (and kill $(cat /tmp/azurite/azurite.pid) after).");

        var run = await NodeSuite.RunAsync("Interop", "cluster", TimeSpan.FromMinutes(12),
            new Dictionary<string, string> { ["TILSYN_TEST_AZURITE"] = azurite! });

        Assert.True(run.AllPassed, run.Summary);
    }
}
