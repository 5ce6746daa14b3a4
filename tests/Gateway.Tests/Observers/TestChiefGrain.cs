using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Placement;
using Orleans.Runtime;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Grains.Chiefs;

namespace OrleansTilsyn.Gateway.Tests.Observers;

/// <summary>A chief as the Orleans ChiefGrain will keep its watchers: only the observer part, and a way to raise changes.</summary>
public interface ITestChiefGrain : IGrainWithStringKey, IInboxObservable
{
    /// <summary>What a unit's change does to the chief: passed on to the watchers; answers how many were told.</summary>
    Task<int> TasksChangedAsync(string unitId, ImmutableArray<TaskDto> changed);

    Task<int> CountWatchersAsync();
}

[PreferLocalPlacement]
public sealed class TestChiefGrain(
    IOptions<InboxObserverOptions> options,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    ILogger<TestChiefGrain> logger) : Grain, ITestChiefGrain
{
    private InboxObservers observers = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        observers = new InboxObservers(this.GetPrimaryKeyString(), options.Value, clock, logger);
        return Task.CompletedTask;
    }

    public Task<bool> SubscribeAsync(IInboxObserver observer) => Task.FromResult(observers.Subscribe(observer));

    public Task UnsubscribeAsync(IInboxObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task<int> TasksChangedAsync(string unitId, ImmutableArray<TaskDto> changed) => Task.FromResult(observers.Notify(unitId, changed));

    public Task<int> CountWatchersAsync() => Task.FromResult(observers.Count);
}
