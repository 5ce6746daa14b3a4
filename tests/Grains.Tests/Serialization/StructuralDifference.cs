using System.Collections;
using System.Collections.Immutable;
using System.Reflection;

namespace OrleansTilsyn.Grains.Tests.Serialization;

/// <summary>
/// Compares two values as records would if ImmutableArray compared its elements: public properties of our
/// types one by one, sequences element by element, a default ImmutableArray apart from an empty one, and
/// instants with their offset (DateTimeOffset's Equals ignores it).
/// </summary>
internal static class StructuralDifference
{
    /// <summary>The path of the first difference (e.g. <c>$.Tasks[1].ClosedAt</c>), or null when the values are equal.</summary>
    public static string? Find(object? expected, object? actual, string path = "$")
    {
        if (expected is null || actual is null)
            return expected is null && actual is null ? null : $"{path}: {Show(expected)} != {Show(actual)}";
        var type = expected.GetType();
        if (type != actual.GetType()) return $"{path}: {type} != {actual.GetType()}";
        if (IsImmutableArray(type))
        {
            var expectedDefault = IsDefault(expected);
            if (expectedDefault || IsDefault(actual))
                return expectedDefault == IsDefault(actual) ? null : $"{path}: default ImmutableArray on one side only";
        }

        if (expected is DateTimeOffset instant)
            return instant.EqualsExact((DateTimeOffset)actual) ? null : $"{path}: {Show(expected)} != {Show(actual)} (instant and offset)";

        if (expected is string || type.IsPrimitive || type.IsEnum || (type.Assembly != BoundaryTypes.Contracts && expected is not IEnumerable))
            return Equals(expected, actual) ? null : $"{path}: {Show(expected)} != {Show(actual)}";

        if (expected is IEnumerable expectedItems)
        {
            var left = expectedItems.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
            if (left.Count != right.Count) return $"{path}: {left.Count} items != {right.Count} items";
            return left.Select((item, i) => Find(item, right[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
        }

        return type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "Ok")
            .Select(p => Find(p.GetValue(expected), p.GetValue(actual), $"{path}.{p.Name}"))
            .FirstOrDefault(d => d is not null);
    }

    private static bool IsImmutableArray(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>);

    private static bool IsDefault(object array) => (bool)array.GetType().GetProperty(nameof(ImmutableArray<int>.IsDefault))!.GetValue(array)!;

    private static string Show(object? value) => value is null ? "null" : $"'{value}'";
}
