namespace OrleansTilsyn.Gateway.Tests.Interop;

/// <summary>Runs the browser tests of the web front end (tests/Web: headless Debian chromium driven by playwright-core,
/// axe-core on every page) against the gateway of this build serving the built front end (src/Web/dist, built by the
/// test command). Screenshots and accessibility results go to .test-artifacts/web.</summary>
[Collection(NodeSuitesCollection.Name)]
public sealed class WebSuiteTests
{
    [Fact]
    public async Task BrowserTestsOfEveryRolePassAgainstTheBuiltFrontEnd()
    {
        var run = await NodeSuite.RunAsync("Web", "test", TimeSpan.FromMinutes(12), oneFileAtATime: true);

        Assert.True(run.AllPassed, run.Summary);
    }
}
