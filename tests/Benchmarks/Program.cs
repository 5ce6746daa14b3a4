using OrleansTilsyn.Benchmarks;

// One scenario per file, each returning its numbers; "all" runs them in this order and prints one table.
// The scenarios of the home-made runtime are gone with it; the Orleans scenarios are added here.
(string Name, Func<BenchmarkSettings, Task<IReadOnlyList<BenchmarkResult>>> Run)[] scenarios =
[
];

var name = args.FirstOrDefault();

if (name is null || (name != "all" && scenarios.All(s => s.Name != name)))
{
    Console.WriteLine($"usage: dotnet run -c Release --project tests/Benchmarks -- <{string.Join("|", scenarios.Select(s => s.Name).Append("all"))}> " +
        "[--repetitions 5] [--warmups 1] [--seconds 3] [--profile]");
    return 2;
}

var settings = BenchmarkSettings.Parse(args[1..]);
var results = new List<BenchmarkResult>();
foreach (var scenario in scenarios.Where(s => name == "all" || s.Name == name))
    results.AddRange(await scenario.Run(settings));

ResultTable.Print(results, settings);
return 0;
