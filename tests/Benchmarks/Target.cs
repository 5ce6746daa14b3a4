using System.Globalization;

namespace OrleansTilsyn.Benchmarks;

/// <summary>A required value: at least <see cref="Value"/> (rates) or at most it (costs).</summary>
public sealed record Target(double Value, bool AtLeast)
{
    public static Target Minimum(double value) => new(value, AtLeast: true);
    public static Target Maximum(double value) => new(value, AtLeast: false);

    public bool IsMetBy(double value) => AtLeast ? value >= Value : value <= Value;

    public override string ToString() => (AtLeast ? ">= " : "<= ") + Value.ToString("N0", CultureInfo.InvariantCulture);
}
