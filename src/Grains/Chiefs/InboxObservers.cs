using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Grains.Chiefs;

/// <summary>Configuration section <c>Grains:InboxObservers</c>: how long a chief keeps a watcher, and how many.</summary>
public sealed class InboxObserverOptions
{
    public const string SectionName = "Grains:InboxObservers";

    /// <summary>A subscription not renewed for this long (real time) is dropped; watchers renew well before.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most watchers one chief keeps; one more is refused.</summary>
    public int MaxPerChief { get; set; } = 100;
}

/// <summary>
/// The watchers of one chief's inbox, owned by the chief grain (single activation, so one list per chief): Orleans'
/// <see cref="ObserverManager{TObserver}"/> on real time, bounded. Notifications are one-way, so a watcher that
/// went away without unsubscribing is noticed only by its subscription expiring.
/// </summary>
public sealed class InboxObservers
{
    private readonly string chief;
    private readonly int maxObservers;
    private readonly ObserverManager<IInboxObserver> observers;

    public InboxObservers(string chief, InboxObserverOptions options, TimeProvider clock, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Expiry, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPerChief, 1);
        this.chief = chief;
        maxObservers = options.MaxPerChief;
        observers = new ObserverManager<IInboxObserver>(options.Expiry, logger) { GetDateTime = () => clock.GetUtcNow().UtcDateTime };
    }

    /// <summary>The watchers whose subscription has not expired.</summary>
    public int Count
    {
        get
        {
            observers.ClearExpired();
            return observers.Count;
        }
    }

    /// <summary>
    /// Subscribes or renews <paramref name="observer"/>; true for a renewal, false for a new subscription. A new one
    /// beyond <see cref="InboxObserverOptions.MaxPerChief"/> is refused with a failed precondition.
    /// </summary>
    public bool Subscribe(IInboxObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        observers.ClearExpired();
        var renewal = observers.Observers.ContainsKey(observer);
        if (!renewal && observers.Count >= maxObservers)
        {
            throw new ProblemException(Problem.FailedPrecondition(
                $"Chief {chief} has {maxObservers} inbox watchers already; close one and try again."));
        }

        observers.Subscribe(observer, observer);
        return renewal;
    }

    public void Unsubscribe(IInboxObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        observers.Unsubscribe(observer);
    }

    /// <summary>Tells every live watcher that tasks of <paramref name="unitId"/> changed; answers how many were told.</summary>
    public int Notify(string unitId, ImmutableArray<TaskDto> changed)
    {
        if (changed.IsDefaultOrEmpty) return 0;
        var told = 0;
        observers.Notify(observer =>
        {
            observer.TasksChanged(unitId, changed);
            told++;
        });
        return told;
    }
}
