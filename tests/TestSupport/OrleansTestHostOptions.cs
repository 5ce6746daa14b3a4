using Microsoft.Extensions.DependencyInjection;

namespace OrleansTilsyn.TestSupport;

/// <summary>How an <see cref="OrleansTestHost"/> is started. The defaults suit a multi-year loop on a fake clock.</summary>
public sealed class OrleansTestHostOptions
{
    public int Silos { get; set; } = 1;

    public DateTimeOffset Start { get; set; } = new(2025, 1, 6, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The largest single move of the fake clock. Each step also stops at the next due reminder tick, so this bounds only
    /// how late the reminder service's table refresh (which runs on the fake clock) may notice a reminder it had unloaded.
    /// </summary>
    public TimeSpan MaxStep { get; set; } = TimeSpan.FromDays(1);

    /// <summary>ReminderOptions.MinimumReminderPeriod; Orleans' default and the design's floor is 1 minute.</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>ReminderOptions.RefreshReminderListPeriod, on the fake clock (Orleans' default 5 minutes).</summary>
    public TimeSpan RefreshReminderListPeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// ReminderOptions.ReminderLoadingWindow, on the fake clock (Orleans' default 10 minutes): reminders whose next tick
    /// is further away are unloaded until a refresh brings them back. Kept below 49 days, the longest single timer
    /// Orleans arms, so every resident reminder waits on exactly one timer whose due time the host can see.
    /// </summary>
    public TimeSpan ReminderLoadingWindow { get; set; } = TimeSpan.FromDays(40);

    /// <summary>ReminderOptions.InitializationTimeout; a real-time bound on the reminder table's start.</summary>
    public TimeSpan ReminderInitializationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Services added to every silo (test probes, domain services).</summary>
    public Action<IServiceCollection> ConfigureServices { get; set; } = _ => { };
}
