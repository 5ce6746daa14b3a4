using System.Collections.Concurrent;
using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Silo.Runtime;

/// <summary>The activations of one silo, at most one per grain.</summary>
internal sealed class Catalog(GrainRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, Activation> _activations = new();

    public int Count => _activations.Count;

    public ICollection<Activation> All => _activations.Values;

    public Activation GetOrCreate(GrainId grain, GrainClass grainClass) =>
        _activations.TryGetValue(grain, out var activation)
            ? activation
            : _activations.GetOrAdd(grain, static (id, state) => new Activation(state.runtime, id, state.grainClass), (runtime, grainClass));

    /// <summary>Posts a turn to the grain's activation, creating it when there is none.</summary>
    public void Dispatch(GrainId grain, GrainClass grainClass, ITurn turn)
    {
        while (true)
        {
            if (runtime.IsStopped)
            {
                turn.Fail(runtime.StoppedError());
                return;
            }

            var activation = GetOrCreate(grain, grainClass);
            activation.Touch();
            if (activation.TryPost(turn)) return;
            Remove(activation);
        }
    }

    public void Remove(Activation activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, Activation>(activation.Id, activation));

    /// <summary>Forgets every activation without deactivating it (a killed silo).</summary>
    public void AbandonAll(Exception reason)
    {
        foreach (var activation in _activations.Values) activation.Abandon(reason);
        _activations.Clear();
    }
}
