using System.Reflection;

namespace OrleansTilsyn.Grains.Tests.Serialization;

/// <summary>Every boundary type, populated in every member, comes back from Orleans' serializer equal.</summary>
public sealed class BoundaryTypeRoundTripTests
{
    private static readonly Dictionary<string, Type> Serialized = BoundaryTypes.Walk().Keys
        .Where(t => BoundaryTypes.IsOwn(t) && !t.ContainsGenericParameters)
        .ToDictionary(t => t.ToString());

    public static TheoryData<string> SerializedTypes() => [.. Serialized.Keys.Order()];

    [Theory]
    [MemberData(nameof(SerializedTypes))]
    public void APopulatedValueRoundTripsEqual(string typeName)
    {
        var type = Serialized[typeName];
        var value = new PopulatedSample().Of(type);

        var copy = typeof(OrleansSerializer).GetMethod(nameof(OrleansSerializer.RoundTrip))!.MakeGenericMethod(type).Invoke(null, [value]);

        Assert.Null(StructuralDifference.Find(value, copy));
    }

    [Fact]
    public void TheComparisonFindsAChangedMemberAndAChangedOffset()
    {
        var task = (TaskDto)new PopulatedSample().Of(typeof(TaskDto))!;

        Assert.Null(StructuralDifference.Find(task, task with { }));
        Assert.StartsWith("$.ClosedBy:", StructuralDifference.Find(task, task with { ClosedBy = null }));
        Assert.StartsWith("$.RaisedAt:", StructuralDifference.Find(task, task with { RaisedAt = task.RaisedAt.ToOffset(TimeSpan.Zero) }));
    }
}
