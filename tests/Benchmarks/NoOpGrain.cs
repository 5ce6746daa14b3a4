using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Benchmarks;

[GrainType("bench-noop")]
public interface INoOpGrain : IGrainWithStringKey
{
    Task NoOpAsync();
}

public sealed class NoOpGrain : Grain, INoOpGrain
{
    public Task NoOpAsync() => Task.CompletedTask;
}
