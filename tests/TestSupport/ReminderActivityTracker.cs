using Orleans.Reminders.Diagnostics;
using Orleans.Runtime;

namespace OrleansTilsyn.TestSupport;

/// <summary>
/// Follows Orleans' reminder diagnostic events (<see cref="ReminderEvents.AllEvents"/>, process-wide, filtered to one
/// test cluster's silos) and knows, for every reminder resident in a silo, whether it is waiting and until when, or busy
/// (starting, delivering a tick, re-arming after a schedule change). A fake-clock step is settled when every resident
/// reminder waits for a time after now.
/// </summary>
internal sealed class ReminderActivityTracker : IObserver<ReminderEvents.ReminderEvent>, IDisposable
{
    private readonly Lock gate = new();
    private readonly Func<SiloAddress?, bool> isClusterSilo;
    private readonly Dictionary<(SiloAddress, GrainId, string), Resident> residents = [];
    private readonly IDisposable subscription;
    private TaskCompletionSource changed = NewSignal();

    public ReminderActivityTracker(Func<SiloAddress?, bool> isClusterSilo)
    {
        this.isClusterSilo = isClusterSilo;
        subscription = ReminderEvents.AllEvents.Subscribe(this);
    }

    /// <summary>The earliest time a resident reminder waits for, or null when none waits.</summary>
    public DateTimeOffset? NextDue()
    {
        lock (gate)
        {
            return residents.Values.Where(r => r.WaitsUntil is not null).Min(r => r.WaitsUntil);
        }
    }

    /// <summary>Waits (in real time, at most <paramref name="patience"/>) until no reminder is busy or due at <paramref name="now"/>.</summary>
    public async Task WaitSettledAsync(DateTimeOffset now, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (residents.Values.All(r => r.WaitsUntil > now)) return;
                next = changed.Task;
            }

            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Reminders did not settle at fake time {now:O} within {patience}: {Describe()}");
            }
        }
    }

    /// <summary>Forgets the reminders of a silo that was killed (it may never report their end).</summary>
    public void ForgetSilo(SiloAddress silo)
    {
        lock (gate)
        {
            foreach (var key in residents.Keys.Where(k => k.Item1.Equals(silo)).ToList()) residents.Remove(key);
            Signal();
        }
    }

    public void OnNext(ReminderEvents.ReminderEvent value)
    {
        if (value.SiloAddress is not { } silo || !isClusterSilo(silo)) return;
        var key = (silo, value.GrainId, value.ReminderName);
        // Read on the emitting thread, before taking the lock: the armed event follows the timer's creation there.
        var armedUntil = value is ReminderEvents.LocalReminderTickWaitArmed ? SteppedFakeClock.TakeLastTimerDueOnThisThread() : null;
        lock (gate)
        {
            switch (value)
            {
                case ReminderEvents.LocalReminderStarted started:
                    // The reminder's loop runs as soon as it is started, so its first armed event may come first.
                    if (!Matches(key, started.Identity)) residents[key] = new Resident(started.Identity);
                    break;
                case ReminderEvents.LocalReminderStopped stopped:
                    if (residents.TryGetValue(key, out var old) && ReferenceEquals(old.Identity, stopped.Identity)) residents.Remove(key);
                    break;
                case ReminderEvents.LocalReminderTickWaitArmed armed:
                    if (!Matches(key, armed.Identity)) residents[key] = new Resident(armed.Identity);
                    // A wait without a readable due time is treated as far away rather than blocking every step.
                    residents[key].WaitsUntil = armedUntil ?? DateTimeOffset.MaxValue;
                    break;
                case ReminderEvents.LocalReminderScheduleChanged changedSchedule when Matches(key, changedSchedule.Identity):
                case ReminderEvents.TickFiring when residents.ContainsKey(key):
                    residents[key].WaitsUntil = null;
                    break;
            }

            Signal();
        }
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose() => subscription.Dispose();

    private bool Matches((SiloAddress, GrainId, string) key, object identity) =>
        residents.TryGetValue(key, out var resident) && ReferenceEquals(resident.Identity, identity);

    private void Signal()
    {
        var previous = changed;
        changed = NewSignal();
        previous.TrySetResult();
    }

    private string Describe()
    {
        lock (gate)
        {
            return string.Join("; ", residents.Select(r => $"{r.Key.Item3}@{r.Key.Item2} on {r.Key.Item1}: {r.Value.WaitsUntil?.ToString("O") ?? "busy"}"));
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Resident(object identity)
    {
        public object Identity { get; } = identity;

        public DateTimeOffset? WaitsUntil { get; set; }
    }
}
