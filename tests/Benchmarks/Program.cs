using OrleansTilsyn.Benchmarks;
using OrleansTilsyn.Benchmarks.Scenarios;

// One scenario per file (Scenarios/), each running a real Orleans silo in this process and returning its numbers;
// "all" runs them in this order and prints one table. The previous release's numbers (old runtime) come from running
// its own benchmark build side by side, not from this process.
(string Name, Func<BenchmarkSettings, Task<IReadOnlyList<BenchmarkResult>>> Run)[] scenarios =
[
    ("grain-calls", GrainCallThroughput.RunAsync),
    ("durable-commands", DurableCommandThroughput.RunAsync),
    ("memory", ActivationMemory.RunAsync),
    ("agenda-catch-up", AgendaCatchUpBenchmark.RunAsync),
];

var name = args.FirstOrDefault();

if (name is null || (name != "all" && scenarios.All(s => s.Name != name)))
{
    Console.WriteLine($"usage: dotnet run -c Release --project tests/Benchmarks -- <{string.Join("|", scenarios.Select(s => s.Name).Append("all"))}> " +
        "[--repetitions 5] [--warmups 1] [--seconds 3] [--quick]");
    return 2;
}

var settings = BenchmarkSettings.Parse(args[1..]);
var results = new List<BenchmarkResult>();
foreach (var scenario in scenarios.Where(s => name == "all" || s.Name == name))
    results.AddRange(await scenario.Run(settings));

ResultTable.Print(results, settings);
return 0;
