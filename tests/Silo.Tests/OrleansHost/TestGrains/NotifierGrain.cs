using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Utilities;

namespace OrleansTilsyn.Silo.Tests.OrleansHost.TestGrains;

public interface INotificationObserver : IGrainObserver
{
    void Notified(string message);
}

public interface INotifierGrain : IGrainWithStringKey
{
    Task SubscribeAsync(INotificationObserver observer);

    Task PublishAsync(string message);
}

public sealed class NotifierGrain(ILogger<NotifierGrain> logger) : Grain, INotifierGrain
{
    private readonly ObserverManager<INotificationObserver> observers = new(TimeSpan.FromMinutes(10), logger);

    public Task SubscribeAsync(INotificationObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task PublishAsync(string message)
    {
        observers.Notify(o => o.Notified(message));
        return Task.CompletedTask;
    }
}

/// <summary>The client-side object behind an observer reference: completes when the first message arrives.</summary>
public sealed class NotificationInbox : INotificationObserver
{
    private readonly TaskCompletionSource<string> first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<string> FirstMessage => first.Task;

    public void Notified(string message) => first.TrySetResult(message);
}
