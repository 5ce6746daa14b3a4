using System.Reflection;
using Orleans;

namespace OrleansTilsyn.Grains.Tests.Serialization;

/// <summary>
/// Stored and in-flight data must survive a rolling upgrade: every type that crosses a grain boundary has a
/// generated serializer, an explicit id on every member and a stable alias (never its CLR name).
/// </summary>
public sealed class BoundaryTypeAttributeTests
{
    private static readonly IReadOnlyDictionary<Type, string> Reached = BoundaryTypes.Walk();

    [Fact]
    public void TheWalkReachesTheTypesOfEveryGrainInterface()
    {
        Assert.Contains(typeof(Contracts.Results.Problem), Reached.Keys);
        Assert.Contains(typeof(Contracts.Results.FieldViolation), Reached.Keys);
        Assert.Contains(typeof(TaskKindHealthDto), Reached.Keys);
        Assert.Contains(typeof(DocumentContentDto), Reached.Keys);
        Assert.Contains(typeof(WrittenDocument), Reached.Keys);
        Assert.True(Reached.Keys.Count(BoundaryTypes.IsOwn) > 60, $"only {Reached.Keys.Count(BoundaryTypes.IsOwn)} own types reached");
    }

    [Fact]
    public void EveryBoundaryTypeIsOursWithASerializerOrCarriedByOrleans()
    {
        var unknown = Reached
            .Where(r => !BoundaryTypes.IsOwn(r.Key) && !BoundaryTypes.IsWellKnown(r.Key) && !BoundaryTypes.IsReference(r.Key))
            .Select(r => $"{r.Key} (from {r.Value})");
        AssertNone(unknown);

        var withoutSerializer = OwnTypes().Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is null).Select(Describe);
        AssertNone(withoutSerializer);
    }

    [Fact]
    public void EveryBoundaryRecordIsImmutableSoOrleansNeedNotCopyIt()
    {
        var mutable = OwnTypes()
            .Where(t => !t.IsEnum && !typeof(Exception).IsAssignableFrom(t) && t.GetCustomAttribute<ImmutableAttribute>() is null)
            .Select(Describe);
        AssertNone(mutable);
    }

    [Fact]
    public void EverySerializedMemberHasAnExplicitIdUniqueInItsType()
    {
        var problems = new List<string>();
        foreach (var type in OwnTypes())
        {
            var ids = BoundaryTypes.SerializedFields(type).Select(f => (Field: f, Id: BoundaryTypes.IdOf(f))).ToList();
            problems.AddRange(ids.Where(f => f.Id is null).Select(f => $"{type.Name}.{f.Field.Name} has no [Id]"));
            problems.AddRange(ids.Where(f => f.Id is not null).GroupBy(f => f.Id).Where(g => g.Count() > 1)
                .Select(g => $"{type.Name} uses [Id({g.Key})] {g.Count()} times"));
        }

        AssertNone(problems);
    }

    [Fact]
    public void EveryBoundaryTypeHasAStableTilsynAlias()
    {
        var problems = OwnTypes()
            .Select(t => (Type: t, Alias: t.GetCustomAttribute<AliasAttribute>()?.Alias))
            .Where(a => a.Alias != $"tilsyn.{a.Type.Name}")
            .Select(a => $"{a.Type.Name}: alias {a.Alias ?? "missing"}, expected tilsyn.{a.Type.Name}");
        AssertNone(problems);
    }

    [Fact]
    public void EverySerializableTypeOfContractsHasAnAliasOfItsOwn()
    {
        var serializable = BoundaryTypes.Contracts.GetTypes().Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is not null).ToList();
        Assert.All(serializable, t => Assert.NotNull(t.GetCustomAttribute<AliasAttribute>()));

        var duplicates = serializable
            .SelectMany(t => t.GetCustomAttributes<AliasAttribute>())
            .GroupBy(a => a.Alias)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key);
        AssertNone(duplicates);
    }

    [Fact]
    public void NoGeneratedProtobufMessageCrossesAGrainBoundary()
    {
        var protobuf = Reached
            .Where(r => typeof(Google.Protobuf.IMessage).IsAssignableFrom(r.Key) || r.Key.Namespace?.StartsWith("OrleansTilsyn.Contracts.Api", StringComparison.Ordinal) == true)
            .Select(r => $"{r.Key} (from {r.Value})");
        AssertNone(protobuf);
    }

    /// <summary>Our types that cross a boundary, generic ones as their definition (Result&lt;T&gt;), and the exception grains throw.</summary>
    private static IEnumerable<Type> OwnTypes() =>
        Reached.Keys.Where(BoundaryTypes.IsOwn).Select(t => t.IsGenericType ? t.GetGenericTypeDefinition() : t).Distinct()
            .Append(typeof(Contracts.Results.ProblemException));

    /// <summary>Fails with every finding in full (Assert.Empty would cut them short).</summary>
    private static void AssertNone(IEnumerable<string> findings)
    {
        var all = findings.ToList();
        Assert.True(all.Count == 0, string.Join(Environment.NewLine, all));
    }

    private static string Describe(Type type) => Reached.TryGetValue(type, out var from) ? $"{type.Name} (from {from})" : type.Name;
}
