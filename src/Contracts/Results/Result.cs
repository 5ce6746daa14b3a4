using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Results;

/// <summary>
/// Success with a value, or a <see cref="Problem"/>. Crosses the grain boundary as is; immutable because
/// every value it carries across a boundary is (a guard test over the grain interfaces checks it).
/// </summary>
[GenerateSerializer, Immutable, Alias("tilsyn.Result`1")]
public sealed record Result<T>
{
    [JsonConstructor]
    public Result(T? value, Problem? problem)
    {
        if (problem is null && value is null)
            throw new ArgumentException("A successful result needs a value.", nameof(value));
        Value = problem is null ? value : default;
        Problem = problem;
    }

    [Id(0)]
    public T? Value { get; }

    [Id(1)]
    public Problem? Problem { get; }

    [JsonIgnore]
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsSuccess => Problem is null;

    /// <summary>The value; throws when this is a problem (use only after checking <see cref="IsSuccess"/>).</summary>
    [JsonIgnore]
    public T Ok => IsSuccess ? Value : throw new InvalidOperationException($"The result is a problem: {Problem}");

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Problem problem) => new(default, problem);

    public Result<TNext> Then<TNext>(Func<T, Result<TNext>> next) => IsSuccess ? next(Value) : new Result<TNext>(default, Problem);

    public Result<TNext> Map<TNext>(Func<T, TNext> map) => IsSuccess ? new Result<TNext>(map(Value), null) : new Result<TNext>(default, Problem);

    public override string ToString() => IsSuccess ? $"Ok({Value})" : Problem.ToString();
}

/// <summary>Helpers to build results without spelling the type argument.</summary>
public static class Result
{
    public static Result<T> Success<T>(T value) => new(value, null);

    public static Result<T> Failure<T>(Problem problem) => new(default, problem);
}
