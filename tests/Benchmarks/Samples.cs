namespace OrleansTilsyn.Benchmarks;

/// <summary>The values of the timed repetitions of one measurement (warm-ups excluded).</summary>
public sealed class Samples(IReadOnlyList<double> values)
{
    private readonly double[] _sorted = [.. values.Order()];

    public IReadOnlyList<double> Values { get; } = values;
    public int Count => _sorted.Length;
    public double Min => _sorted[0];
    public double Max => _sorted[^1];

    public double Median => _sorted.Length % 2 == 1
        ? _sorted[_sorted.Length / 2]
        : (_sorted[_sorted.Length / 2 - 1] + _sorted[_sorted.Length / 2]) / 2;

    /// <summary>(max - min) / median: how far apart the repetitions were.</summary>
    public double Spread => Median == 0 ? 0 : (Max - Min) / Median;
}
