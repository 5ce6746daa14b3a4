namespace OrleansTilsyn.Grains.Domain;

/// <summary>
/// A broken invariant: code asked for something the domain never allows (an invalid id, a loop
/// year that is not a quality-report year). Expected failures of commands are
/// <see cref="OrleansTilsyn.Contracts.Results.Problem"/> values instead.
/// </summary>
public sealed class DomainInvariantException(string message) : Exception(message);
