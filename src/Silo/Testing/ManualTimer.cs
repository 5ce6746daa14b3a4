namespace OrleansTilsyn.Silo.Testing;

/// <summary>A timer of a <see cref="ManualClock"/>; it fires only when the clock is moved past its due time.</summary>
internal sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
{
    private TimeSpan _period;
    private bool _disposed;

    public DateTimeOffset DueAt { get; private set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed) return false;
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan) throw new ArgumentOutOfRangeException(nameof(dueTime));
        if (dueTime == TimeSpan.Zero)
        {
            // Like a system timer, a zero due time fires right away, off the caller's stack.
            clock.Unschedule(this);
            ThreadPool.UnsafeQueueUserWorkItem(static t => t.Fire(), this, preferLocal: false);
            if (period > TimeSpan.Zero && period != Timeout.InfiniteTimeSpan) clock.Schedule(this, period, period);
            return true;
        }

        clock.Schedule(this, dueTime, period);
        return true;
    }

    internal void Set(DateTimeOffset dueAt, TimeSpan period)
    {
        DueAt = dueAt;
        _period = period;
    }

    /// <summary>Called under the clock's lock when the timer is due: periodic timers move on, others leave.</summary>
    internal void Rearm(DateTimeOffset now)
    {
        if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan) DueAt = now + _period;
        else clock.RemoveLocked(this);
    }

    internal void Fire()
    {
        if (!_disposed) callback(state);
    }

    public void Dispose()
    {
        _disposed = true;
        clock.Unschedule(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
