namespace OrleansTilsyn.Benchmarks;

/// <summary>The two runtimes' repetitions of one measurement, and the Orleans/old ratio of each pair.</summary>
public sealed record ComparedSamples(Samples Old, Samples Orleans, Samples Ratio)
{
    /// <summary>Rows for the closing table: the old runtime's, Orleans', and their ratio (Orleans / old).</summary>
    public IEnumerable<BenchmarkResult> Results(string name, string unit, Target? oldTarget, Target? orleansTarget, bool higherIsBetter = true) =>
    [
        new($"{name}: old runtime", unit, Old, oldTarget, higherIsBetter),
        new($"{name}: orleans", unit, Orleans, orleansTarget, higherIsBetter),
        new($"{name}: orleans/old", "x", Ratio, HigherIsBetter: higherIsBetter),
    ];
}

/// <summary>
/// Runs the old runtime's and Orleans' variant of a measurement alternately in one process, so both meet the same
/// load of the shared machine: each repetition is a pair (the first of the pair alternates), and each pair gives a ratio.
/// </summary>
public static class ComparedMeasurement
{
    public static async Task<ComparedSamples> RepeatAlternatelyAsync(
        string label, string unit, BenchmarkSettings settings, Func<Task<double>> runOld, Func<Task<double>> runOrleans)
    {
        for (var i = 1; i <= settings.Warmups; i++)
        {
            Console.WriteLine($"  {label} (old) warm-up {i}: {Measurement.Format(await runOld())} {unit}");
            Console.WriteLine($"  {label} (orleans) warm-up {i}: {Measurement.Format(await runOrleans())} {unit}");
        }

        var old = new List<double>();
        var orleans = new List<double>();
        var ratios = new List<double>();
        for (var i = 1; i <= settings.Repetitions; i++)
        {
            double oldValue, orleansValue;
            if (i % 2 == 1)
            {
                oldValue = await Run("old", runOld);
                orleansValue = await Run("orleans", runOrleans);
            }
            else
            {
                orleansValue = await Run("orleans", runOrleans);
                oldValue = await Run("old", runOld);
            }

            old.Add(oldValue);
            orleans.Add(orleansValue);
            ratios.Add(oldValue == 0 ? 0 : orleansValue / oldValue);
            Console.WriteLine($"  {label} pair #{i}: orleans/old {ratios[^1]:N2}");

            async Task<double> Run(string runtime, Func<Task<double>> run)
            {
                var value = await run();
                Console.WriteLine($"  {label} ({runtime}) #{i}: {Measurement.Format(value)} {unit}");
                return value;
            }
        }

        var compared = new ComparedSamples(new Samples(old), new Samples(orleans), new Samples(ratios));
        Console.WriteLine($"{label}: median old {Measurement.Format(compared.Old.Median)}, orleans {Measurement.Format(compared.Orleans.Median)} {unit}, " +
            $"orleans/old {compared.Ratio.Median:N2} (n={compared.Ratio.Count})");
        return compared;
    }
}
