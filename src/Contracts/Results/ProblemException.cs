namespace OrleansTilsyn.Contracts.Results;

/// <summary>A problem where a value cannot carry it (e.g. inside a stream): the gateway maps it like a returned one.</summary>
public sealed class ProblemException(Problem problem) : Exception(problem.ToString())
{
    public Problem Problem { get; } = problem;
}
