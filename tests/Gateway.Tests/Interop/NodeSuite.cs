using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace OrleansTilsyn.Gateway.Tests.Interop;

/// <summary>Runs a folder of node tests in tests/Interop (installing its packages when `npm ci` has not) against the
/// gateway of this build, and tells how many passed and failed.</summary>
internal static partial class NodeSuite
{
    public sealed record Outcome(int ExitCode, int Passed, int Failed, string Output)
    {
        public bool AllPassed => ExitCode == 0 && Failed == 0 && Passed > 0;

        public string Summary => $"node --test exited {ExitCode} ({Passed} passed, {Failed} failed):\n{Output}";
    }

    public static async Task<Outcome> RunAsync(string folder, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var root = RepositoryRoot();
        var suite = Path.Combine(root, "tests", "Interop");
        var configuration = typeof(NodeSuite).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var gateway = Path.Combine(root, "src", "Gateway", "bin", configuration, "net10.0", "OrleansTilsyn.Gateway.dll");
        Assert.True(File.Exists(gateway), $"The gateway build is missing: {gateway}");
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["TILSYN_GATEWAY_DLL"] = gateway };
        if (!Directory.Exists(Path.Combine(suite, "node_modules", "@grpc", "grpc-js")))
        {
            var install = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], suite, env, timeout);
            Assert.True(install.ExitCode == 0, $"npm ci failed in {suite}:\n{install.Output}");
        }

        var run = await RunProcessAsync("node", ["--test", "--test-reporter=tap", folder + "/"], suite, env, timeout);
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
