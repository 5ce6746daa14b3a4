using System.Globalization;

namespace OrleansTilsyn.Benchmarks;

/// <summary>Runs a measurement with warm-ups and timed repetitions and prints each value and the summary.</summary>
public static class Measurement
{
    public static async Task<Samples> RepeatAsync(string label, string unit, BenchmarkSettings settings, Func<Task<double>> run)
    {
        for (var i = 1; i <= settings.Warmups; i++)
            Console.WriteLine($"  {label} warm-up {i}: {Format(await run())} {unit}");

        var values = new List<double>();
        for (var i = 1; i <= settings.Repetitions; i++)
        {
            var value = await run();
            values.Add(value);
            Console.WriteLine($"  {label} #{i}: {Format(value)} {unit}");
        }

        var samples = new Samples(values);
        Console.WriteLine(
            $"{label}: median {Format(samples.Median)} {unit} (min {Format(samples.Min)}, max {Format(samples.Max)}, spread {samples.Spread:P0}, n={samples.Count})");
        return samples;
    }

    public static string Format(double value) =>
        value.ToString(Math.Abs(value) >= 100 ? "N0" : "N2", CultureInfo.InvariantCulture);

    /// <summary>A full blocking, compacting collection with finalizers run: what is left is what is referenced.</summary>
    public static long CollectAndMeasureHeap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
