using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Benchmarks;

/// <summary>A grain that schedules a batch of durable reminders and reports each delivery to the <see cref="DeliveryLedger"/>.</summary>
[GrainType("bench-reminder-target")]
public interface IReminderTargetGrain : IGrainWithStringKey
{
    /// <summary>Schedules reminders r0..r{n-1} at the given due times in one commit.</summary>
    Task ScheduleAsync(DateTimeOffset[] dueTimes);

    [ReadOnly]
    Task<ReminderTargetState> GetAsync();
}

public sealed record ReminderTargetState
{
    public int Scheduled { get; init; }
    public int Delivered { get; init; }
    public DateTimeOffset? LastDueAt { get; init; }
}

public sealed class ReminderTargetGrain(DeliveryLedger ledger) : Grain<ReminderTargetState>, IReminderTargetGrain, IRemindable
{
    public async Task ScheduleAsync(DateTimeOffset[] dueTimes)
    {
        for (var i = 0; i < dueTimes.Length; i++) ScheduleReminder(DeliveryLedger.ReminderName(i), dueTimes[i]);
        await CommitAsync(State with { Scheduled = State.Scheduled + dueTimes.Length }, "schedule-reminders");
    }

    public Task<ReminderTargetState> GetAsync() => Task.FromResult(State);

    public async Task ReceiveReminderAsync(string reminderName, TickStatus status)
    {
        ledger.Record(Key, reminderName, status.DueAt);
        if (ledger.CommitOnDelivery)
            await CommitAsync(State with { Delivered = State.Delivered + 1, LastDueAt = status.DueAt }, "reminder", detail: reminderName);
    }
}
