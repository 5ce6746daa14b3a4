using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace OrleansTilsyn.Gateway.Tests.Interop;

/// <summary>Runs a folder of node tests of a suite under tests/ (installing its packages when `npm ci` has not) against
/// the gateway of this build, and tells how many passed and failed. The suites run one at a time (see
/// <see cref="NodeSuitesCollection"/>): each starts gateways of its own, and the cluster suite runs on an accelerated clock.</summary>
internal static partial class NodeSuite
{
    public sealed record Outcome(int ExitCode, int Passed, int Failed, string Output)
    {
        public bool AllPassed => ExitCode == 0 && Failed == 0 && Passed > 0;

        public string Summary => $"node --test exited {ExitCode} ({Passed} passed, {Failed} failed):\n{Output}";
    }

    /// <param name="suiteName">The folder under tests/ with the package.json (Interop, Web).</param>
    /// <param name="folder">The folder of test files in it.</param>
    /// <param name="oneFileAtATime">Run the test files one after another (browser tests) instead of side by side.</param>
    public static async Task<Outcome> RunAsync(
        string suiteName, string folder, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null, bool oneFileAtATime = false)
    {
        var root = RepositoryRoot();
        var suite = Path.Combine(root, "tests", suiteName);
        var configuration = typeof(NodeSuite).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var gateway = Path.Combine(root, "src", "Gateway", "bin", configuration, "net10.0", "OrleansTilsyn.Gateway.dll");
        Assert.True(File.Exists(gateway), $"The gateway build is missing: {gateway}");
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["TILSYN_GATEWAY_DLL"] = gateway };
        if (!Directory.Exists(Path.Combine(suite, "node_modules")))
        {
            var install = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], suite, env, timeout);
            Assert.True(install.ExitCode == 0, $"npm ci failed in {suite}:\n{install.Output}");
        }

        var run = await RunProcessAsync("node", oneFileAtATime
            ? ["--test", "--test-reporter=tap", "--test-concurrency=1", folder + "/"]
            : ["--test", "--test-reporter=tap", folder + "/"], suite, env, timeout);
        return new Outcome(run.ExitCode, Count(PassLine(), run.Output), Count(FailLine(), run.Output), run.Output);
    }

    private static async Task<(int ExitCode, string Output)> RunProcessAsync(
        string program, string[] arguments, string directory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var stop = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Append(output, $"(stopped after {timeout})");
            return (-1, output.ToString());
        }

        process.WaitForExit(); // drains the redirected output
        return (process.ExitCode, output.ToString());
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null) return;
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int Count(Regex line, string output) =>
        line.Match(output) is { Success: true } match ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrleansTilsyn.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No OrleansTilsyn.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^# pass (\d+)$", RegexOptions.Multiline)]
    private static partial Regex PassLine();

    [GeneratedRegex(@"^# fail (\d+)$", RegexOptions.Multiline)]
    private static partial Regex FailLine();
}

/// <summary>The node suites share one xunit collection, so they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class NodeSuitesCollection
{
    public const string Name = "node suites";
}
