namespace OrleansTilsyn.Gateway.Hosting;

/// <summary>
/// The domain clock when <c>Clock:Start</c> is set: it reads <see cref="ClockOptions.Start"/> when the
/// process starts and then runs on with real time. It makes a demo or the interop suite independent of
/// the day it runs on (a conversation window is open at the start instant), without a manual clock.
/// Timers are real-time timers.
/// </summary>
public sealed class StartedClock : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly TimeProvider _real;
    private readonly long _origin;

    public StartedClock(DateTimeOffset start, TimeProvider real)
    {
        _start = start.ToUniversalTime();
        _real = real;
        _origin = real.GetTimestamp();
    }

    public override DateTimeOffset GetUtcNow() => _start + _real.GetElapsedTime(_origin);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => _real.TimestampFrequency;

    public override long GetTimestamp() => _real.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _real.CreateTimer(callback, state, dueTime, period);
}

/// <summary>Configuration section <c>Clock</c>.</summary>
public sealed class ClockOptions
{
    public const string SectionName = "Clock";

    /// <summary>When set (an ISO 8601 instant, e.g. <c>2026-04-20T08:00:00Z</c>), the domain clock starts there
    /// instead of at the real time. For demos and tests only: JWT lifetimes, deadlines and timeouts keep real time.</summary>
    public DateTimeOffset? Start { get; set; }
}
