using Orleans;
using Orleans.Runtime;

namespace OrleansTilsyn.Silo.Tests.OrleansStorage;

/// <summary>A grain whose state lives in the silo's default grain storage.</summary>
[Alias("tests.storage.IPersistentStateGrain")]
public interface IPersistentStateGrain : Orleans.IGrainWithStringKey
{
    [Alias("Remember")] Task RememberAsync(string name, DateTimeOffset at);

    [Alias("Recall")] Task<ConformanceState> RecallAsync();

    /// <summary>An id of this activation: a new one after deactivation proves the state was read back from storage.</summary>
    [Alias("Activation")] Task<Guid> ActivationAsync();
}

public sealed class PersistentStateGrain([PersistentState("state")] IPersistentState<ConformanceState> state) : Grain, IPersistentStateGrain
{
    private readonly Guid _activation = Guid.NewGuid();

    public async Task RememberAsync(string name, DateTimeOffset at)
    {
        state.State.Name = name;
        state.State.Items.Add(new ConformanceItem(name, at));
        state.State.ChangedAt = at;
        await state.WriteStateAsync();
    }

    public Task<ConformanceState> RecallAsync() => Task.FromResult(state.State);

    public Task<Guid> ActivationAsync() => Task.FromResult(_activation);
}
