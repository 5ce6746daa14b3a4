using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests.Grains;

/// <summary>A stateless grain that reports how its turns run.</summary>
public interface ITurnGrain : IGrainWithStringKey
{
    Task RecordAsync(int id);
    Task WaitForGateAsync();
    Task HangAsync(CancellationToken cancellationToken);
    Task CallOtherAsync(string other);
    Task CallBackAsync(string caller);
    Task CallOtherReadOnlyBackAsync(string other);
    Task CallBackReadOnlyAsync(string caller);
    Task<Actor> WhoIsCallingAsync();
    Task<Actor> AskOtherWhoIsCallingAsync(string other);
    Task<Actor> WhoIsCallingAfterGateAsync();
    ValueTask<int> AddAsync(int a, int b);
    ValueTask NothingAsync();
    Task DeactivateSoonAsync();

    [ReadOnly]
    Task<string> PingAsync();
}

public sealed class TurnGrain(TestProbe probe) : Grain, ITurnGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated.Enqueue(Key);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(CancellationToken cancellationToken)
    {
        probe.Deactivated.Enqueue(Key);
        return Task.CompletedTask;
    }

    public async Task RecordAsync(int id)
    {
        probe.Log.Enqueue($"start {id}");
        await Task.Yield();
        await Task.Delay(1);
        probe.Log.Enqueue($"end {id}");
    }

    public Task WaitForGateAsync() => probe.Gate.Task;

    public async Task HangAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            probe.TokenCancelled.TrySetResult(cancellationToken.IsCancellationRequested);
        }
    }

    public Task CallOtherAsync(string other) => GrainFactory.GetGrain<ITurnGrain>(other).CallBackAsync(Key);

    public Task CallBackAsync(string caller) => GrainFactory.GetGrain<ITurnGrain>(caller).RecordAsync(0);

    public Task CallOtherReadOnlyBackAsync(string other) => GrainFactory.GetGrain<ITurnGrain>(other).CallBackReadOnlyAsync(Key);

    public Task CallBackReadOnlyAsync(string caller) => GrainFactory.GetGrain<ITurnGrain>(caller).PingAsync();

    public Task<Actor> WhoIsCallingAsync() => Task.FromResult(CallContext.Actor);

    public Task<Actor> AskOtherWhoIsCallingAsync(string other) => GrainFactory.GetGrain<ITurnGrain>(other).WhoIsCallingAsync();

    public async Task<Actor> WhoIsCallingAfterGateAsync()
    {
        await probe.Gate.Task;
        return CallContext.Actor;
    }

    public ValueTask<int> AddAsync(int a, int b) => ValueTask.FromResult(a + b);

    public async ValueTask NothingAsync() => await Task.Yield();

    public Task DeactivateSoonAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<string> PingAsync() => Task.FromResult($"pong {Key}");
}
