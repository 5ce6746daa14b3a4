using OrleansTilsyn.Benchmarks;

switch (args.FirstOrDefault())
{
    case "grain-calls":
        await GrainCallThroughput.RunAsync();
        break;
    case "unit-commands":
        await UnitCommandCost.RunAsync();
        break;
    case "simulate":
        using (var jit = Environment.GetEnvironmentVariable("JITWATCH") is null ? null : new JitWatch())
        {
            var rc = await SimulateCommand.RunAsync(args);
            if (jit is not null) foreach (var kv in jit.Counts.OrderByDescending(k => k.Value).Take(25)) Console.WriteLine($"{kv.Value} {kv.Key}");
            return rc;
        }
    default:
        Console.WriteLine("usage: dotnet run -c Release --project tests/Benchmarks -- grain-calls");
        Console.WriteLine("       dotnet run -c Release --project tests/Benchmarks -- simulate --units 10000 --loops 1 --store sqlite|postgres|memory [--connection ...]");
        Console.WriteLine("           [--on-time 0.9] [--late-records 0.1] [--one-to-ones 0.9] [--seed 1] [--parallelism 64] [--keep]");
        break;
}

return 0;
