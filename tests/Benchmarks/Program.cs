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
        return await SimulateCommand.RunAsync(args);
    default:
        Console.WriteLine("usage: dotnet run -c Release --project tests/Benchmarks -- grain-calls | unit-commands");
        Console.WriteLine("       dotnet run -c Release --project tests/Benchmarks -- simulate --units 10000 --loops 1 --store sqlite|postgres|memory [--connection ...]");
        Console.WriteLine("           [--on-time 0.9] [--late-records 0.1] [--one-to-ones 0.9] [--seed 1] [--parallelism 256] [--keep]");
        break;
}

return 0;
