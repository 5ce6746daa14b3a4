namespace OrleansTilsyn.Grains.Domain.DataPackages;

/// <summary>Small groups must not be exposed: values from groups smaller than the minimum are shown as suppressed.</summary>
public sealed record SuppressionPolicy(int MinimumGroupSize)
{
    public const int DefaultMinimum = 5;

    public static SuppressionPolicy Default { get; } = new(DefaultMinimum);

    public bool Suppresses(int groupSize) => groupSize < MinimumGroupSize;
}
