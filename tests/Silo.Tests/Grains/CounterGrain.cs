using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests.Grains;

[GrainType("test-counter")]
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    /// <summary>Stages a reminder and commits; used to prove a failed write leaves nothing behind.</summary>
    Task<int> IncrementAndRemindAsync(string reminder, DateTimeOffset dueAt);

    [ReadOnly]
    Task<int> GetAsync();

    [ReadOnly]
    Task<long> VersionAsync();

    [ReadOnly]
    Task<ImmutableList<string>> NotesAsync();
}

public sealed record CounterState
{
    public int Value { get; init; }
    public ImmutableList<string> Notes { get; init; } = [];
}

public sealed class CounterGrain(TestProbe probe) : Grain<CounterState>, ICounterGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activated.Enqueue($"{Key}={State.Value}");
        return Task.CompletedTask;
    }

    public async Task<int> IncrementAsync()
    {
        if (probe.BeforeCommit is { } interfere) await interfere(GrainId);
        await CommitAsync(State with { Value = State.Value + 1 }, "increment", detail: $"to {State.Value + 1}");
        return State.Value;
    }

    public async Task<int> IncrementAndRemindAsync(string reminder, DateTimeOffset dueAt)
    {
        ScheduleReminder(reminder, dueAt);
        await CommitAsync(State with { Value = State.Value + 1 }, "increment");
        return State.Value;
    }

    public Task<int> GetAsync() => Task.FromResult(State.Value);

    public Task<long> VersionAsync() => Task.FromResult(StateVersion);

    public Task<ImmutableList<string>> NotesAsync() => Task.FromResult(State.Notes);
}
