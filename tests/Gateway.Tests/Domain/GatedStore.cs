using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Testing;

namespace OrleansTilsyn.Gateway.Tests.Domain;

/// <summary>An in-memory store whose state writes of one grain type can be held at a gate, so a test can
/// keep a grain call in flight for as long as it needs.</summary>
internal sealed class GatedStore(string grainType) : DelegatingGrainStore(new InMemoryGrainStore())
{
    private TaskCompletionSource _gate = Open();
    private int _waiting;

    /// <summary>Writes that are waiting at the gate now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public void Close() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public override async Task<long> WriteStateAsync(StateWrite write, CancellationToken cancellationToken)
    {
        if (write.Grain.Type == grainType)
        {
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

        return await Inner.WriteStateAsync(write, cancellationToken);
    }

    private static TaskCompletionSource Open()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }
}
