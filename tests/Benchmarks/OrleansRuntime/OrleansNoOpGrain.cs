using Orleans;
using Orleans.Concurrency;

namespace OrleansTilsyn.Benchmarks.OrleansRuntime;

/// <summary>The Orleans twin of <see cref="INoOpGrain"/>: a call that does nothing but count itself.</summary>
[Alias("bench.IOrleansNoOpGrain")]
public interface IOrleansNoOpGrain : IGrainWithStringKey
{
    [Alias("NoOp")]
    Task NoOpAsync();

    /// <summary>How many NoOpAsync calls this activation ran: proves the counted calls reached the grain.</summary>
    [Alias("Calls"), ReadOnly]
    Task<long> CallsAsync();
}

[GrainType(GrainTypeName)]
public sealed class OrleansNoOpGrain : Grain, IOrleansNoOpGrain
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
