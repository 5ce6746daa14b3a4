namespace OrleansTilsyn.Benchmarks;

/// <summary>Guards that make a benchmark fail loudly instead of reporting a number that measured the wrong thing.</summary>
public static class Check
{
    public static void That(bool condition, string what)
    {
        if (!condition) throw new InvalidOperationException($"Benchmark check failed: {what}.");
        Console.WriteLine($"  ok: {what}");
    }
}
