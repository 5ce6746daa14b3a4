using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests.Grains;

[GrainType("test-reminders")]
public interface IReminderGrain : IGrainWithStringKey
{
    Task ScheduleAsync(string name, DateTimeOffset dueAt);

    /// <summary>Schedules a reminder whose handler computes the next date (a year later) and schedules it again.</summary>
    Task ScheduleYearlyAsync(string name, DateTimeOffset firstDueAt);

    Task CancelAsync(string name);

    [ReadOnly]
    Task<ImmutableList<Delivery>> DeliveriesAsync();
}

public sealed record Delivery(string Name, DateTimeOffset DueAt, DateTimeOffset CurrentTime, DateTimeOffset Now, int Attempt, string Actor);

public sealed record ReminderGrainState
{
    public ImmutableHashSet<string> Yearly { get; init; } = [];
    public ImmutableList<Delivery> Deliveries { get; init; } = [];
}

public sealed class ReminderGrain(TestProbe probe) : Grain<ReminderGrainState>, IReminderGrain, IRemindable
{
    public async Task ScheduleAsync(string name, DateTimeOffset dueAt)
    {
        ScheduleReminder(name, dueAt);
        await CommitAsync(State, "schedule", detail: name);
    }

    public async Task ScheduleYearlyAsync(string name, DateTimeOffset firstDueAt)
    {
        ScheduleReminder(name, firstDueAt);
        await CommitAsync(State with { Yearly = State.Yearly.Add(name) }, "schedule-yearly", detail: name);
    }

    public async Task CancelAsync(string name)
    {
        CancelReminder(name);
        await CommitAsync(State with { Yearly = State.Yearly.Remove(name) }, "cancel", detail: name);
    }

    public Task<ImmutableList<Delivery>> DeliveriesAsync() => Task.FromResult(State.Deliveries);

    public async Task ReceiveReminderAsync(string reminderName, TickStatus status)
    {
        var sequence = probe.EnterDelivery();
        try
        {
            probe.Deliveries.Enqueue((sequence, Key, reminderName, status, Now, CallContext.Actor));
            if (probe.DeliveryPause > TimeSpan.Zero) await Task.Delay(probe.DeliveryPause);
            if (probe.FailNextDelivery.TryRemove(reminderName, out _)) throw new InvalidOperationException($"Delivery of {reminderName} fails on purpose.");
            if (State.Yearly.Contains(reminderName)) ScheduleReminder(reminderName, status.DueAt.AddYears(1));
            var delivery = new Delivery(reminderName, status.DueAt, status.CurrentTime, Now, status.Attempt, CallContext.Actor.ToString());
            await CommitAsync(State with { Deliveries = State.Deliveries.Add(delivery) }, "reminder", detail: reminderName);
        }
        finally
        {
            probe.ExitDelivery();
        }
    }
}
