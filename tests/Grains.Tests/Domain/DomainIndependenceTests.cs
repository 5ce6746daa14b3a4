using System.Reflection;
using OrleansTilsyn.Grains.Domain.Loop;

namespace OrleansTilsyn.Grains.Tests.Domain;

/// <summary>
/// The domain stays pure: no type in an OrleansTilsyn.Grains.Domain namespace (compiler-generated closures and
/// iterators included) uses an Orleans type or the grain call context (OrleansTilsyn.Contracts.Calls: the caller and
/// request key in Orleans' RequestContext) in its base types, interfaces, attributes, fields, properties, events or
/// method signatures.
/// </summary>
public sealed class DomainIndependenceTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void NoDomainTypeReferencesOrleansOrTheCallContext()
    {
        var domainTypes = typeof(UnitLoopState).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("OrleansTilsyn.Grains.Domain", StringComparison.Ordinal) == true)
            .ToArray();
        Assert.Contains(typeof(Agenda), domainTypes);

        var violations = domainTypes.SelectMany(t => Uses(t).Where(IsForbidden).Select(used => $"{t.FullName} uses {used.FullName}")).Distinct().ToArray();

        Assert.True(violations.Length == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void TheGuardRecognisesOrleansAndTheCallContext()
    {
        Assert.True(IsForbidden(typeof(Orleans.IGrainFactory)));
        Assert.True(IsForbidden(typeof(List<Orleans.Runtime.TickStatus>)));
        Assert.True(IsForbidden(typeof(Contracts.Calls.CallerIdentity[])));
        Assert.False(IsForbidden(typeof(List<AgendaChange>)));
        Assert.False(IsForbidden(typeof(Contracts.Results.Problem)));
    }

    private static bool IsForbidden(Type type) => Expand(type).Any(t => IsOrleans(t.Assembly.GetName().Name ?? "")
        || t.Namespace == "OrleansTilsyn.Contracts.Calls" || t.Namespace?.StartsWith("OrleansTilsyn.Contracts.Calls.", StringComparison.Ordinal) == true);

    /// <summary>Orleans' assemblies (Orleans.Core, Orleans.Serialization, ...), not this service's OrleansTilsyn.* ones.</summary>
    private static bool IsOrleans(string assembly) =>
        assembly is "Orleans" || assembly.StartsWith("Orleans.", StringComparison.Ordinal) || assembly.StartsWith("Microsoft.Orleans", StringComparison.Ordinal);

    /// <summary>The type and every type in it: element types and generic arguments, recursively.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        yield return type;
        if (type.HasElementType)
            foreach (var inner in Expand(type.GetElementType()!)) yield return inner;
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
            foreach (var inner in type.GetGenericArguments().SelectMany(Expand)) yield return inner;
    }

    private static IEnumerable<Type> Uses(Type t)
    {
        if (t.BaseType is { } baseType) yield return baseType;
        foreach (var i in t.GetInterfaces()) yield return i;
        foreach (var a in t.CustomAttributes) yield return a.AttributeType;
        foreach (var f in t.GetFields(Declared)) yield return f.FieldType;
        foreach (var p in t.GetProperties(Declared)) yield return p.PropertyType;
        foreach (var e in t.GetEvents(Declared)) yield return e.EventHandlerType!;
        foreach (var m in t.GetMethods(Declared).Cast<MethodBase>().Concat(t.GetConstructors(Declared)))
        {
            if (m is MethodInfo method) yield return method.ReturnType;
            foreach (var p in m.GetParameters()) yield return p.ParameterType;
            foreach (var a in m.CustomAttributes) yield return a.AttributeType;
        }
    }
}
