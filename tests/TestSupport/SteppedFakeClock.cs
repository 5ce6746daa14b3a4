using Microsoft.Extensions.Time.Testing;

namespace OrleansTilsyn.TestSupport;

/// <summary>
/// The fake clock of an <see cref="OrleansTestHost"/>. It also remembers, per thread, when the last timer created on
/// that thread falls due: Orleans' reminder service creates its wait timer and raises its "tick wait armed" event on
/// the same thread, which is how <see cref="ReminderActivityTracker"/> learns when each resident reminder fires next.
/// </summary>
public sealed class SteppedFakeClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    [ThreadStatic]
    private static DateTimeOffset? lastTimerDueOnThisThread;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lastTimerDueOnThisThread = dueTime == Timeout.InfiniteTimeSpan ? null : GetUtcNow() + dueTime;
        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>When the timer last created on the calling thread falls due (null if none or infinite); clears it.</summary>
    internal static DateTimeOffset? TakeLastTimerDueOnThisThread()
    {
        var due = lastTimerDueOnThisThread;
        lastTimerDueOnThisThread = null;
        return due;
    }
}
