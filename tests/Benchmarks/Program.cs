using OrleansTilsyn.Benchmarks;
using OrleansTilsyn.Benchmarks.OrleansRuntime;

// One scenario per file, each returning its numbers. "all" runs those marked InAll in this order, the Orleans ones
// alternately with the old runtime's (--compare), and prints one table; the old ones alone give their extra detail.
(string Name, Func<BenchmarkSettings, Task<IReadOnlyList<BenchmarkResult>>> Run, bool InAll)[] scenarios =
[
    ("grain-calls", GrainCallThroughput.RunAsync, false),
    ("durable-commands", DurableCommandThroughput.RunAsync, false),
    ("reminders", ReminderDelivery.RunAsync, true),
    ("memory", ActivationMemory.RunAsync, false),
    ("orleans-grain-calls", OrleansGrainCallThroughput.RunAsync, true),
    ("orleans-durable-commands", OrleansDurableCommandThroughput.RunAsync, true),
    ("orleans-memory", OrleansActivationMemory.RunAsync, true),
    ("agenda-catch-up", AgendaCatchUpBenchmark.RunAsync, true),
];

var name = args.FirstOrDefault();

// Whole-service commands with their own options, outside the repetition harness.
switch (name)
{
    case "simulate":
        return await SimulateCommand.RunAsync(args);
    case "unit-commands":
        await UnitCommandCost.RunAsync();
        return 0;
}

if (name is null || (name != "all" && scenarios.All(s => s.Name != name)))
{
    Console.WriteLine($"usage: dotnet run -c Release --project tests/Benchmarks -- <{string.Join("|", scenarios.Select(s => s.Name))}|all> " +
        "[--repetitions 5] [--warmups 1] [--seconds 3] [--profile] [--compare] [--quick]");
    Console.WriteLine("       dotnet run -c Release --project tests/Benchmarks -- simulate --units 10000 --loops 1 --store sqlite|postgres|memory [--connection ...]");
    Console.WriteLine("           [--on-time 0.9] [--late-records 0.1] [--one-to-ones 0.9] [--seed 1] [--parallelism 256] [--keep]");
    return 2;
}

var settings = BenchmarkSettings.Parse(args[1..]);
if (name == "all") settings = settings with { Compare = true };
var results = new List<BenchmarkResult>();
foreach (var scenario in scenarios.Where(s => name == "all" ? s.InAll : s.Name == name))
    results.AddRange(await scenario.Run(settings));

ResultTable.Print(results, settings);
return 0;
