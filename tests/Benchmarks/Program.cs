using OrleansTilsyn.Benchmarks;

switch (args.FirstOrDefault())
{
    case "grain-calls":
        await GrainCallThroughput.RunAsync();
        break;
    default:
        Console.WriteLine("usage: dotnet run -c Release --project tests/Benchmarks -- grain-calls");
        break;
}
