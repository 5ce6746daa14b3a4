using Orleans;

namespace OrleansTilsyn.Contracts.Results;

/// <summary>One broken rule on one input field; <see cref="Field"/> is a path such as <c>agreements[2].due</c>.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.FieldViolation")]
public sealed record FieldViolation([Id(0)] string Field, [Id(1)] string Description);
