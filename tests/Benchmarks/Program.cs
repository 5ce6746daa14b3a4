using OrleansTilsyn.Benchmarks;

// Each scenario lives in its own file and returns its numbers; "all" runs every scenario in this order.
var scenarios = new Dictionary<string, Func<BenchmarkSettings, Task<IReadOnlyList<BenchmarkResult>>>>
{
    ["grain-calls"] = GrainCallThroughput.RunAsync,
    ["durable-commands"] = DurableCommandThroughput.RunAsync,
    ["reminders"] = ReminderDelivery.RunAsync,
    ["memory"] = ActivationMemory.RunAsync,
};

var name = args.FirstOrDefault();
if (name is null || (name != "all" && !scenarios.ContainsKey(name)))
{
    Console.WriteLine($"usage: dotnet run -c Release --project tests/Benchmarks -- <{string.Join("|", scenarios.Keys)}|all> [--repetitions 5] [--warmups 1] [--seconds 3]");
    return 2;
}

var settings = BenchmarkSettings.Parse(args[1..]);
var results = new List<BenchmarkResult>();
foreach (var (_, run) in scenarios.Where(s => name == "all" || s.Key == name))
    results.AddRange(await run(settings));

ResultTable.Print(results, settings);
return 0;
