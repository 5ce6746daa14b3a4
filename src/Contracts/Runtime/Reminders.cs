namespace OrleansTilsyn.Contracts.Runtime;

/// <summary>Implemented by a grain class that receives durable reminders.</summary>
public interface IRemindable
{
    /// <summary>
    /// Delivered at least once per (grain, name, due time). A handler must be idempotent for the
    /// same <see cref="TickStatus.DueAt"/>: a redelivery after a crash carries the same due time.
    /// </summary>
    Task ReceiveReminderAsync(string reminderName, TickStatus status);
}

/// <summary>What a reminder delivery knows: when it was due, the clock now, and which attempt this is (1 = first).</summary>
public readonly record struct TickStatus(DateTimeOffset DueAt, DateTimeOffset CurrentTime, int Attempt);

/// <summary>A reminder change staged in a grain turn; it commits with the next state write.</summary>
public abstract record ReminderChange(string Name)
{
    public sealed record Schedule(string Name, DateTimeOffset DueAt) : ReminderChange(Name);
    public sealed record Cancel(string Name) : ReminderChange(Name);
}
