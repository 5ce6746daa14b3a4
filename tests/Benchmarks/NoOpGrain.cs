using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Benchmarks;

[GrainType("bench-noop")]
public interface INoOpGrain : IGrainWithStringKey
{
    Task NoOpAsync();

    /// <summary>How many NoOpAsync calls this activation ran: proves the counted calls reached the grain.</summary>
    [ReadOnly]
    Task<long> CallsAsync();
}

public sealed class NoOpGrain : Grain, INoOpGrain
{
    private long _calls;

    // Turns of one activation never overlap, so a plain increment is exact.
    public Task NoOpAsync()
    {
        _calls++;
        return Task.CompletedTask;
    }

    public Task<long> CallsAsync() => Task.FromResult(_calls);
}
