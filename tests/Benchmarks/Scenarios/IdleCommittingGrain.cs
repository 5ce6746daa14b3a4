using Orleans;
using Orleans.Runtime;
using OrleansTilsyn.Grains.Common;

namespace OrleansTilsyn.Benchmarks.Scenarios;

/// <summary>A small committing grain activated once and then left idle.</summary>
[Alias("bench.IIdleCommittingGrain")]
public interface IIdleCommittingGrain : IGrainWithStringKey
{
    [Alias("Visits")]
    Task<int> VisitsAsync();
}

/// <summary>The same fields as the previous release's idle benchmark grain (old runtime), so the memory numbers compare.</summary>
[GenerateSerializer, Immutable, Alias("bench.IdleCommittingState")]
public sealed record IdleCommittingState
{
    [Id(0)] public string Title { get; init; } = "";
    [Id(1)] public int Visits { get; init; }
    [Id(2)] public DateTimeOffset Since { get; init; }
}

[GrainType(GrainTypeName)]
public sealed class IdleCommittingGrain(
    [PersistentState("state")] IPersistentState<Committed<IdleCommittingState>> state,
    CommittingGrainServices services)
    : CommittingGrain<IdleCommittingState>(state, services), IIdleCommittingGrain
{
    public const string GrainTypeName = "bench-idle";
    /// <summary>The name its state is stored under (the PersistentState name above).</summary>
    public const string StateName = "state";

    public Task<int> VisitsAsync() => Task.FromResult(State.Visits);
}
