using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace OrleansTilsyn.Gateway.Tests.Domain.Storage;

/// <summary>Grain storage whose state writes of one grain type can be held at a gate, so a test can keep a grain call in
/// flight for as long as it needs. Make one, then decorate the gateway's storage with <see cref="Wrap"/>.</summary>
internal sealed class GatedStorage(string grainType)
{
    private TaskCompletionSource _gate = Open();
    private int _waiting;

    /// <summary>Writes that are waiting at the gate now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public void Close() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public IGrainStorage Wrap(IGrainStorage inner) => new Gated(inner, this);

    private async Task PassAsync(GrainId grain)
    {
        if (grain.Type.ToString() != grainType) return;
        Interlocked.Increment(ref _waiting);
        try
        {
            await _gate.Task;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private static TaskCompletionSource Open()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    private sealed class Gated(IGrainStorage inner, GatedStorage gate) : DelegatingGrainStorage(inner)
    {
        public override async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            await gate.PassAsync(grainId);
            await Inner.WriteStateAsync(stateName, grainId, grainState);
        }
    }
}
