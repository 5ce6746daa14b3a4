namespace OrleansTilsyn.Gateway.Tests.Interop;

/// <summary>Runs the node interop suite (tests/Interop/test) against the gateway of this build, so that
/// <c>dotnet test</c> of the solution runs it. Its packages are installed by the test command (<c>npm ci</c>).</summary>
[Collection(NodeSuitesCollection.Name)]
public sealed class InteropSuiteTests
{
    [Fact]
    public async Task NodeInteropSuitePassesAgainstTheBuiltGateway()
    {
        var run = await NodeSuite.RunAsync("Interop", "test", TimeSpan.FromMinutes(15));

        Assert.True(run.AllPassed, run.Summary);
    }
}
