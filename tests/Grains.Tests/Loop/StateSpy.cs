using System.Collections.Concurrent;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Loop;

namespace OrleansTilsyn.Grains.Tests.Loop;

/// <summary>
/// What the loop harness sees of the grain storage: how many state writes were made, and the agenda each committing
/// grain last read or wrote (the due items its wake reminder serves).
/// </summary>
internal sealed class StateSpy
{
    private readonly ConcurrentDictionary<GrainId, Agenda> _agendas = new();
    private int _writes;

    public int Writes => Volatile.Read(ref _writes);

    /// <summary>The agenda of the grain's last stored state; empty when none was seen.</summary>
    public Agenda AgendaOf(GrainId grain) => _agendas.TryGetValue(grain, out var agenda) ? agenda : Agenda.Empty;

    public IGrainStorage Wrap(IGrainStorage inner) => new Storage(inner, this);

    private void See<T>(GrainId grain, T state)
    {
        if (state is null || !state.GetType().IsGenericType || state.GetType().GetGenericTypeDefinition() != typeof(Committed<>)) return;
        if (state.GetType().GetProperty(nameof(Committed<object>.Agenda))!.GetValue(state) is Agenda agenda) _agendas[grain] = agenda;
    }

    /// <summary>Also takes part in the silo lifecycle when the storage it wraps does (the SQLite storage opens its file there).</summary>
    private sealed class Storage(IGrainStorage inner, StateSpy spy) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

        public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            await inner.ReadStateAsync(stateName, grainId, grainState);
            spy.See(grainId, grainState.State);
        }

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
            Interlocked.Increment(ref spy._writes);
            spy.See(grainId, grainState.State);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ClearStateAsync(stateName, grainId, grainState);
    }
}
