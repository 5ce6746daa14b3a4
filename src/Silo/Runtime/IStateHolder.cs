using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Silo.Runtime;

/// <summary>The runtime's untyped view of an activation's persistent state.</summary>
internal interface IStateHolder
{
    long Version { get; }

    Task LoadAsync(CancellationToken cancellationToken);
}

internal static class StateHolderFactory
{
    public static Func<GrainId, StateStorage, IStateHolder> For(Type stateType) =>
        typeof(StateHolderFactory).GetMethod(nameof(Create), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(stateType)
            .CreateDelegate<Func<GrainId, StateStorage, IStateHolder>>();

    private static IStateHolder Create<TState>(GrainId grain, StateStorage storage) where TState : class, new() =>
        new PersistentState<TState>(grain, storage);
}
