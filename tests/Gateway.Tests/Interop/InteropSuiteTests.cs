using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace OrleansTilsyn.Gateway.Tests.Interop;

/// <summary>Runs the node interop suite (tests/Interop) against the gateway of this build, so that
/// <c>dotnet test</c> of the solution runs it. Its packages are installed by the test command
/// (<c>npm ci</c>); when they are missing this test installs them.</summary>
public sealed partial class InteropSuiteTests
{
    private static readonly TimeSpan SuiteTimeout = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task NodeInteropSuitePassesAgainstTheBuiltGateway()
    {
        var root = RepositoryRoot();
        var suite = Path.Combine(root, "tests", "Interop");
        var configuration = typeof(InteropSuiteTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var gateway = Path.Combine(root, "src", "Gateway", "bin", configuration, "net10.0", "OrleansTilsyn.Gateway.dll");
        Assert.True(File.Exists(gateway), $"The gateway build is missing: {gateway}");
        if (!Directory.Exists(Path.Combine(suite, "node_modules", "@grpc", "grpc-js")))
        {
            var install = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], suite, gateway);
            Assert.True(install.ExitCode == 0, $"npm ci failed in {suite}:\n{install.Output}");
        }

        var run = await RunAsync("node", ["--test", "--test-reporter=tap", "test/"], suite, gateway);

        var passed = Count(PassLine(), run.Output);
        var failed = Count(FailLine(), run.Output);
        Assert.True(run.ExitCode == 0 && failed == 0 && passed > 0, $"node --test exited {run.ExitCode} ({passed} passed, {failed} failed):\n{run.Output}");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments, string directory, string gateway)
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

        start.Environment["TILSYN_GATEWAY_DLL"] = gateway;
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(SuiteTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Append(output, $"(stopped after {SuiteTimeout})");
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

    private static string RepositoryRoot()
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
