using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Silo.Runtime;

/// <summary>What one grain instance sees of its activation and silo.</summary>
internal sealed class GrainContext(Activation activation, GrainRuntime runtime, IStateHolder? state) : IGrainContext
{
    public GrainId Id => activation.Id;
    public IGrainFactory GrainFactory => runtime.GrainFactory;
    public TimeProvider Time => runtime.Clock;
    public IServiceProvider Services => runtime.Services;

    public IPersistentState<TState> GetState<TState>() where TState : class, new() =>
        state as IPersistentState<TState>
            ?? throw new InvalidOperationException($"{activation.Class.Type.Name} keeps no state of type {typeof(TState).Name}; state comes from Grain<TState>.");

    public void DeactivateOnIdle() => activation.RequestDeactivation();
}

/// <summary>A constructed, attached and activated grain object with its loaded state.</summary>
internal sealed record GrainInstance(IGrainLifecycle Grain, IStateHolder? State);
