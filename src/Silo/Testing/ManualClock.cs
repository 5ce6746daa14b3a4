namespace OrleansTilsyn.Silo.Testing;

/// <summary>
/// A domain clock that moves only when told (tests, the simulator). Timers created from it fire,
/// in due order and with the clock set to their due time, when the clock is moved past them.
/// It never goes backwards. Time is UTC.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;

    public ManualClock(DateTimeOffset start) => _now = start.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock) return _now;
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public void AdvanceBy(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        SetUtcNow(GetUtcNow() + delta);
    }

    /// <summary>Moves the clock to <paramref name="target"/>, firing the timers due on the way.</summary>
    public void SetUtcNow(DateTimeOffset target)
    {
        target = target.ToUniversalTime();
        lock (_lock)
        {
            if (target < _now) throw new ArgumentOutOfRangeException(nameof(target), $"The clock is at {_now:O} and does not go back to {target:O}.");
        }

        while (true)
        {
            ManualTimer? due;
            lock (_lock)
            {
                due = _timers.Where(t => t.DueAt <= target).MinBy(t => t.DueAt);
                if (due is null)
                {
                    if (target > _now) _now = target;
                    return;
                }

                if (due.DueAt > _now) _now = due.DueAt;
                due.Rearm(_now);
            }

            due.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    internal void Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan) return;
            timer.Set(_now + dueTime, period);
            _timers.Add(timer);
        }
    }

    internal void Unschedule(ManualTimer timer)
    {
        lock (_lock) _timers.Remove(timer);
    }

    internal void RemoveLocked(ManualTimer timer) => _timers.Remove(timer);
}
