using Orleans;

namespace OrleansTilsyn.Contracts.Results;

/// <summary>
/// A problem where a value cannot carry it (e.g. inside a stream): the gateway maps it like a returned one.
/// Grains throw it (a chief refusing a watcher), so it is serialized with its problem, not as an unknown exception.
/// </summary>
[GenerateSerializer, Alias("tilsyn.ProblemException")]
public sealed class ProblemException(Problem problem) : Exception(problem.ToString())
{
    [Id(0)]
    public Problem Problem { get; } = problem;
}
