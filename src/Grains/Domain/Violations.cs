using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Grains.Domain;

/// <summary>Collects every field violation of one validation pass, so all problems are reported at once.</summary>
public sealed class Violations
{
    private readonly List<FieldViolation> _items = [];

    public bool Any => _items.Count > 0;

    public IReadOnlyList<FieldViolation> Items => _items;

    public Violations Add(string field, string description)
    {
        _items.Add(new FieldViolation(field, description));
        return this;
    }

    /// <summary>Adds the violation when <paramref name="ok"/> is false.</summary>
    public Violations Require(bool ok, string field, string description) => ok ? this : Add(field, description);

    public Violations RequireText(string? text, string field, int maxLength = 4000)
    {
        if (string.IsNullOrWhiteSpace(text)) return Add(field, "is required");
        return Require(text.Length <= maxLength, field, $"must be at most {maxLength} characters");
    }

    /// <summary>Adds the violation when a list the caller sent holds more than <paramref name="max"/> items.</summary>
    public Violations RequireAtMost(int count, int max, string field, string items) =>
        Require(count <= max, field, $"at most {max} {items}");

    public Violations AddRange(IEnumerable<FieldViolation> violations)
    {
        _items.AddRange(violations);
        return this;
    }

    public Problem ToProblem(string message) => Problem.Invalid(message, _items);

    /// <summary>The value when nothing was violated, otherwise an Invalid problem with every violation.</summary>
    public Result<T> ToResult<T>(string message, Func<T> build) => Any ? ToProblem(message) : build();
}
