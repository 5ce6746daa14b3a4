using System.Collections.Immutable;
using System.Reflection;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Grains.Tests.Serialization;

/// <summary>
/// Builds an instance of a boundary type with every member set to a value that is not its default (so a member
/// Orleans drops shows as a difference): distinct strings and numbers, the last enum value, two-element arrays.
/// </summary>
internal sealed class PopulatedSample
{
    private int _next = 1;

    public object? Of(Type type, string name = "value")
    {
        var n = _next++;
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Of(underlying, name);
        if (type == typeof(string)) return $"{name}-{n}";
        if (type == typeof(bool)) return true;
        if (type == typeof(int)) return n;
        if (type == typeof(long)) return 10_000_000_000L + n;
        if (type == typeof(decimal)) return n + 0.25m;
        if (type == typeof(DateOnly)) return new DateOnly(2025, 1, 1).AddDays(n);
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2025, 3, 1, 9, 30, 15, TimeSpan.FromHours(2)).AddMinutes(n);
        if (type.IsEnum) return Enum.GetValues(type).Cast<object>().Last();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>)) return ArrayOf(type.GetGenericArguments()[0], name);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Result<>))
            return Activator.CreateInstance(type, Of(type.GetGenericArguments()[0], name), null);
        if (type.Assembly == BoundaryTypes.Contracts) return Record(type);
        throw new NotSupportedException($"No sample for {type}");
    }

    private object ArrayOf(Type element, string name)
    {
        var items = Array.CreateInstance(element, 2);
        for (var i = 0; i < items.Length; i++) items.SetValue(Of(element, name), i);
        var create = typeof(ImmutableArray).GetMethods()
            .Single(m => m.Name == nameof(ImmutableArray.Create) && m.GetParameters() is [{ ParameterType.IsArray: true }]);
        return create.MakeGenericMethod(element).Invoke(null, [items])!;
    }

    /// <summary>Through the widest public constructor, then every init-only property it did not set.</summary>
    private object Record(Type type)
    {
        var constructor = type.GetConstructors().Where(c => c.GetParameters().All(p => p.ParameterType != type))
            .MaxBy(c => c.GetParameters().Length)!;
        var parameters = constructor.GetParameters();
        var instance = constructor.Invoke([.. parameters.Select(p => Of(p.ParameterType, p.Name!))]);
        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.SetMethod is not { IsPublic: true } || parameters.Any(p => p.Name == property.Name)) continue;
            property.SetValue(instance, Of(property.PropertyType, property.Name));
        }

        return instance;
    }
}
