using Orleans;
using Orleans.Concurrency;

namespace OrleansTilsyn.Benchmarks.Scenarios;

/// <summary>A call that does nothing but count itself.</summary>
[Alias("bench.INoOpGrain")]
public interface INoOpGrain : IGrainWithStringKey
{
    [Alias("NoOp")]
    Task NoOpAsync();

    /// <summary>How many NoOpAsync calls this activation ran: proves the counted calls reached the grain.</summary>
    [Alias("Calls"), ReadOnly]
    Task<long> CallsAsync();
}

[GrainType(GrainTypeName)]
public sealed class NoOpGrain : Grain, INoOpGrain
{
    public const string GrainTypeName = "bench-noop";

    private long _calls;

    // Turns of one activation never overlap (not reentrant), so a plain increment is exact.
    public Task NoOpAsync()
    {
        _calls++;
        return Task.CompletedTask;
    }

    public Task<long> CallsAsync() => Task.FromResult(_calls);
}
