namespace OrleansTilsyn.Benchmarks;

/// <summary>One reported number: what was measured, its repetitions, and the target it must meet (if any).</summary>
public sealed record BenchmarkResult(string Name, string Unit, Samples Samples, Target? Target = null, bool HigherIsBetter = true)
{
    /// <summary>The best repetition: the quietest run on a shared machine.</summary>
    public double Best => HigherIsBetter ? Samples.Max : Samples.Min;

    /// <summary>Judged on the median, not the best run.</summary>
    public string Verdict => Target is null ? "" : Target.IsMetBy(Samples.Median) ? "PASS" : "MISS";
}
