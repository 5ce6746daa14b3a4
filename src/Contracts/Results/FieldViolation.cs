namespace OrleansTilsyn.Contracts.Results;

/// <summary>One broken rule on one input field; <see cref="Field"/> is a path such as <c>agreements[2].due</c>.</summary>
public sealed record FieldViolation(string Field, string Description);
