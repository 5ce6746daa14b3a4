using System.Collections.Immutable;
using Orleans;

namespace OrleansTilsyn.Contracts.Results;

/// <summary>
/// An expected failure of a command, returned as a value (never thrown). Carries every field
/// violation found, so a caller can fix all of them at once.
/// </summary>
[GenerateSerializer, Immutable, Alias("tilsyn.Problem")]
public sealed record Problem([Id(0)] ProblemKind Kind, [Id(1)] string Message, [Id(2)] ImmutableArray<FieldViolation> Violations)
{
    public static Problem Invalid(string message, IEnumerable<FieldViolation> violations) =>
        new(ProblemKind.Invalid, message, [.. violations]);

    public static Problem Invalid(string field, string description) =>
        new(ProblemKind.Invalid, description, [new FieldViolation(field, description)]);

    public static Problem NotFound(string message) => new(ProblemKind.NotFound, message, []);

    public static Problem FailedPrecondition(string message) => new(ProblemKind.FailedPrecondition, message, []);

    public static Problem PermissionDenied(string message) => new(ProblemKind.PermissionDenied, message, []);

    public static Problem Conflict(string message) => new(ProblemKind.Conflict, message, []);

    public static Problem AlreadyExists(string message) => new(ProblemKind.AlreadyExists, message, []);

    /// <summary>True when a violation names exactly this field.</summary>
    public bool HasViolation(string field) => Violations.Any(v => v.Field == field);

    public override string ToString() =>
        Violations.IsDefaultOrEmpty
            ? $"{Kind}: {Message}"
            : $"{Kind}: {Message} ({string.Join("; ", Violations.Select(v => $"{v.Field}: {v.Description}"))})";
}
