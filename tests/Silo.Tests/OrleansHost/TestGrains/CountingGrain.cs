using Orleans;
using Orleans.Runtime;

namespace OrleansTilsyn.Silo.Tests.OrleansHost.TestGrains;

public interface ICountingGrain : IGrainWithStringKey
{
    /// <summary>Adds one to the persisted count and says which activation, on which silo, did it.</summary>
    Task<CountAnswer> IncrementAsync();
}

[GenerateSerializer, Immutable, Alias("OrleansHost.CountAnswer")]
public sealed record CountAnswer([property: Id(0)] int Count, [property: Id(1)] SiloAddress Silo, [property: Id(2)] Guid Activation);

[GenerateSerializer, Alias("OrleansHost.CountState")]
public sealed class CountState
{
    [Id(0)] public int Count { get; set; }
}

public sealed class CountingGrain(HostProbe probe) : Grain<CountState>, ICountingGrain
{
    private readonly Guid activation = Guid.NewGuid();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<CountAnswer> IncrementAsync()
    {
        State.Count++;
        await WriteStateAsync();
        return new CountAnswer(State.Count, RuntimeIdentitySilo(), activation);
    }

    private SiloAddress RuntimeIdentitySilo() => GrainContext.Address.SiloAddress!;
}
