using System.Collections.Frozen;
using OrleansTilsyn.Gateway.Grpc;
using IdRules = OrleansTilsyn.Grains.Domain.Organisation.IdRules;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>
/// A resource-name pattern such as <c>units/{unit}/loop/conversations/{period}</c>: parses names
/// from requests (INVALID_ARGUMENT with a field violation when they do not match) and formats names
/// for responses. Variable segments are non-empty, at most 200 characters, without '/'; the organisation's
/// ids (<c>{unit}</c>, <c>{chief}</c>) also follow <see cref="IdRules"/>, so a name that can never exist is
/// INVALID_ARGUMENT rather than NOT_FOUND or an empty answer.
/// </summary>
public sealed class ResourceName
{
    private const int MaxSegmentLength = 200;
    private static readonly FrozenSet<string> IdVariables = FrozenSet.ToFrozenSet(["unit", "chief"], StringComparer.Ordinal);
    private readonly string[] _segments;

    public ResourceName(string pattern)
    {
        Pattern = pattern;
        _segments = pattern.Split('/');
        if (_segments.Any(s => s.Length == 0)) throw new ArgumentException($"'{pattern}' has an empty segment.", nameof(pattern));
    }

    public string Pattern { get; }

    /// <summary>The variables' values by name, or false when <paramref name="name"/> does not match.</summary>
    public bool TryParse(string? name, out FrozenDictionary<string, string> values) =>
        TryMatch(name, out values) && BrokenId(values) is null;

    /// <summary>Parses <paramref name="name"/> from request field <paramref name="field"/> or throws INVALID_ARGUMENT.</summary>
    public FrozenDictionary<string, string> Parse(string? name, string field)
    {
        if (!TryMatch(name, out var values))
            throw GrpcErrors.InvalidArgument($"'{GrpcErrors.Shorten(name ?? "", 100)}' is not a valid {field}.", (field, $"must look like {Pattern}"));
        if (BrokenId(values) is { } variable)
            throw GrpcErrors.InvalidArgument(
                $"'{GrpcErrors.Shorten(name ?? "", 100)}' is not a valid {field}: its {variable} id breaks the id rules.",
                (field, $"the {{{variable}}} of {Pattern} {IdRules.Description}"));
        return values;
    }

    private bool TryMatch(string? name, out FrozenDictionary<string, string> values)
    {
        values = FrozenDictionary<string, string>.Empty;
        var parts = name?.Split('/');
        if (parts is null || parts.Length != _segments.Length) return false;
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i++)
        {
            if (IsVariable(_segments[i], out var variable))
            {
                if (parts[i].Length is 0 or > MaxSegmentLength) return false;
                found[variable] = parts[i];
            }
            else if (!string.Equals(parts[i], _segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        values = found.ToFrozenDictionary(StringComparer.Ordinal);
        return true;
    }

    private static string? BrokenId(FrozenDictionary<string, string> values) =>
        values.Where(v => IdVariables.Contains(v.Key) && !IdRules.IsValid(v.Value)).Select(v => v.Key).Order(StringComparer.Ordinal).FirstOrDefault();

    /// <summary>The name with the variables filled in order, e.g. <c>Format("strandens-dagtilbud", "2025-Spring")</c>.</summary>
    public string Format(params string[] values)
    {
        var variables = _segments.Count(s => IsVariable(s, out _));
        if (values.Length != variables) throw new ArgumentException($"{Pattern} has {variables} variables, not {values.Length}.", nameof(values));
        var next = 0;
        return string.Join('/', _segments.Select(s => IsVariable(s, out _) ? values[next++] : s));
    }

    public override string ToString() => Pattern;

    private static bool IsVariable(string segment, out string variable)
    {
        var isVariable = segment.Length > 2 && segment[0] == '{' && segment[^1] == '}';
        variable = isVariable ? segment[1..^1] : "";
        return isVariable;
    }
}
