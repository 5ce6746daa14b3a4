using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Benchmarks;

/// <summary>A grain with a small stored state that is activated once and then left idle (memory benchmark).</summary>
[GrainType("bench-idle")]
public interface IIdleGrain : IGrainWithStringKey
{
    Task<int> VisitsAsync();
}

public sealed record IdleGrainState
{
    public string Title { get; init; } = "";
    public int Visits { get; init; }
    public DateTimeOffset Since { get; init; }
}

public sealed class IdleGrain : Grain<IdleGrainState>, IIdleGrain
{
    public Task<int> VisitsAsync() => Task.FromResult(State.Visits);
}
