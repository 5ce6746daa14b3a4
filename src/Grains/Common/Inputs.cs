using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Calendar;

namespace OrleansTilsyn.Grains.Common;

/// <summary>Parses the string fields of requests into domain values, as Invalid problems naming the field.</summary>
public static class Inputs
{
    public static Result<Period> Period(string? text, string field = "period") =>
        Domain.Calendar.Period.TryParse(text, out var period) ? period : Problem.Invalid(field, $"'{text}' is not a half-year like 2023-Spring");

    public static Result<LoopId> Loop(string? text, string field = "loop") =>
        LoopId.TryParse(text, out var loop) ? loop : Problem.Invalid(field, $"'{text}' is not a loop like 0-6/2023 (0-6 odd years, 6-18 even years)");

    /// <summary>A default (missing) array reads as empty.</summary>
    public static ImmutableArray<T> OrEmpty<T>(this ImmutableArray<T> items) => items.IsDefault ? [] : items;
}
