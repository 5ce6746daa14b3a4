using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Grains.Tests.Serialization;

/// <summary>
/// The types that cross a grain boundary: every parameter and return type of the grain and observer interfaces
/// of Contracts, their generic arguments and the types of their serialized members, recursively.
/// </summary>
internal static class BoundaryTypes
{
    public static readonly Assembly Contracts = typeof(Problem).Assembly;

    /// <summary>Carried by Orleans' own codecs; needs no attributes of ours.</summary>
    private static readonly HashSet<Type> WellKnown =
    [
        typeof(string), typeof(bool), typeof(int), typeof(long), typeof(decimal), typeof(double),
        typeof(DateOnly), typeof(DateTimeOffset), typeof(DateTime), typeof(TimeSpan), typeof(Guid),
    ];

    /// <summary>Immutable collections whose elements are walked in turn.</summary>
    private static readonly HashSet<Type> ImmutableCollections = [typeof(ImmutableArray<>), typeof(ImmutableList<>)];

    /// <summary>The public interfaces grains and observers implement (their methods are the boundary).</summary>
    public static IEnumerable<Type> Interfaces() =>
        Contracts.GetExportedTypes().Where(t => t.IsInterface && t.Namespace == typeof(IUnitGrain).Namespace);

    /// <summary>Every type used in a grain interface method signature, with where it was first reached from.</summary>
    public static IReadOnlyDictionary<Type, string> Walk()
    {
        var reached = new Dictionary<Type, string>();
        var pending = new Queue<(Type Type, string From)>();
        foreach (var method in Interfaces().SelectMany(i => i.GetMethods()))
        {
            var where = $"{method.DeclaringType!.Name}.{method.Name}";
            pending.Enqueue((method.ReturnType, where));
            foreach (var parameter in method.GetParameters()) pending.Enqueue((parameter.ParameterType, $"{where}({parameter.Name})"));
        }

        while (pending.TryDequeue(out var next))
        {
            if (!reached.TryAdd(next.Type, next.From)) continue;
            foreach (var inner in Inner(next.Type)) pending.Enqueue((inner, $"{next.Type.Name} <- {next.From}"));
        }

        return reached;
    }

    /// <summary>A grain or observer reference: Orleans passes it as a reference, never as data.</summary>
    public static bool IsReference(Type type) => type.IsInterface && Interfaces().Contains(type);

    public static bool IsWellKnown(Type type) =>
        type == typeof(void) || type == typeof(Task) || type == typeof(ValueTask) || WellKnown.Contains(type) || IsWrapper(type);

    /// <summary>Nullable, Task, ValueTask and immutable collections: no codec of ours, their arguments are walked.</summary>
    public static bool IsWrapper(Type type) =>
        type.IsGenericType && (ImmutableCollections.Contains(type.GetGenericTypeDefinition())
                               || type.GetGenericTypeDefinition() == typeof(Nullable<>)
                               || type.GetGenericTypeDefinition() == typeof(Task<>)
                               || type.GetGenericTypeDefinition() == typeof(ValueTask<>));

    /// <summary>A type of this project (record, class or enum of Contracts), which must carry Orleans' attributes.</summary>
    public static bool IsOwn(Type type) => type.Assembly == Contracts && !type.IsInterface;

    /// <summary>The instance fields Orleans serializes: every field of the type itself (backing fields included).</summary>
    public static IEnumerable<FieldInfo> SerializedFields(Type type) =>
        type.IsEnum ? [] : type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);

    /// <summary>The property a compiler-generated backing field belongs to, if any.</summary>
    public static PropertyInfo? PropertyOf(FieldInfo field)
    {
        if (field.GetCustomAttribute<CompilerGeneratedAttribute>() is null || !field.Name.StartsWith('<')) return null;
        var name = field.Name[1..field.Name.IndexOf('>')];
        return field.DeclaringType!.GetProperty(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
    }

    /// <summary>The [Id] of a serialized field: on the field, on its property, or on the positional record parameter of that name.</summary>
    public static uint? IdOf(FieldInfo field)
    {
        if (field.GetCustomAttribute<Orleans.IdAttribute>() is { } onField) return onField.Id;
        if (PropertyOf(field) is not { } property) return null;
        if (property.GetCustomAttribute<Orleans.IdAttribute>() is { } onProperty) return onProperty.Id;
        return field.DeclaringType!.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .Where(p => p.Name == property.Name)
            .Select(p => p.GetCustomAttribute<Orleans.IdAttribute>()?.Id)
            .FirstOrDefault(id => id is not null);
    }

    private static IEnumerable<Type> Inner(Type type)
    {
        if (IsReference(type)) return [];
        if (type.IsArray) return [type.GetElementType()!];
        var arguments = type.IsGenericType ? type.GetGenericArguments() : [];
        return arguments.Concat(IsOwn(type) ? SerializedFields(type).Select(f => f.FieldType) : []);
    }
}
