namespace OrleansTilsyn.Benchmarks.Scenarios;

/// <summary>
/// A reminder/grain clock that stands still at one instant, as a FakeTimeProvider that is never advanced: a timer due
/// at once fires once (on the thread pool), every later tick never comes. Unlike FakeTimeProvider, creating or changing
/// a timer costs the same however many exist: FakeTimeProvider looks through all its timers each time, and Orleans'
/// reminder service holds a timer per reminder, so with 100,000 agenda reminders that search, not the silo, set the pace.
/// </summary>
public sealed class FrozenClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override long GetTimestamp() => now.UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FrozenTimer(callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class FrozenTimer(TimerCallback callback, object? state) : ITimer
    {
        private bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed) return false;
            if (dueTime == TimeSpan.Zero)
                ThreadPool.UnsafeQueueUserWorkItem(_ => { if (!_disposed) callback(state); }, null);
            return true;
        }

        public void Dispose() => _disposed = true;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
