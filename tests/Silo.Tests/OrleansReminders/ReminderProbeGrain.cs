using System.Collections.Concurrent;
using Orleans;
using Orleans.Runtime;
using IGrainWithStringKey = Orleans.IGrainWithStringKey;

namespace OrleansTilsyn.Silo.Tests.OrleansReminders;

/// <summary>A grain that registers one reminder and logs each tick it receives.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task RegisterAsync(TimeSpan dueTime, TimeSpan period);
}

/// <summary>The ticks delivered in a silo (a singleton there), so they survive the probe's deactivation.</summary>
public sealed class ReminderTickLog
{
    public ConcurrentQueue<(string Grain, string Reminder, DateTime FirstTickTime, DateTime CurrentTickTime)> Ticks { get; } = new();
}

public sealed class ReminderProbeGrain(ReminderTickLog log) : Grain, IReminderProbeGrain, IRemindable
{
    public const string ReminderName = "probe";

    public Task RegisterAsync(TimeSpan dueTime, TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, dueTime, period);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        log.Ticks.Enqueue((this.GetPrimaryKeyString(), reminderName, status.FirstTickTime, status.CurrentTickTime));
        return Task.CompletedTask;
    }
}
