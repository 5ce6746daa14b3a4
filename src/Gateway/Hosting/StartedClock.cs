namespace OrleansTilsyn.Gateway.Hosting;

/// <summary>
/// The domain clock when <c>Clock:Start</c> is set: it reads <see cref="ClockOptions.Start"/> at its anchor
/// (the process start, or <see cref="ClockOptions.Anchor"/>) and then runs on with real time, <see cref="ClockOptions.Rate"/>
/// times as fast. It makes a demo or the interop suite independent of the day it runs on, and lets the silos of
/// a test cluster share one accelerated domain clock (same start, anchor and rate) without a manual clock.
/// Its timers run in domain time: a timer of a domain day fires after a day divided by the rate of real time, so
/// Orleans' reminders (which wait on this clock's timers) keep pace with it.
/// </summary>
public sealed class StartedClock : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly TimeProvider _real;
    private readonly double _rate;
    private readonly DateTimeOffset? _anchor;
    private readonly long _origin;

    public StartedClock(DateTimeOffset start, TimeProvider real, double rate = 1, DateTimeOffset? anchor = null)
    {
        if (!double.IsFinite(rate) || rate <= 0) throw new ArgumentOutOfRangeException(nameof(rate), rate, "The clock rate must be a positive number.");
        _start = start.ToUniversalTime();
        _real = real;
        _rate = rate;
        _anchor = anchor;
        _origin = real.GetTimestamp();
    }

    public override DateTimeOffset GetUtcNow()
    {
        var elapsed = _anchor is { } anchor ? _real.GetUtcNow() - anchor : _real.GetElapsedTime(_origin);
        if (elapsed < TimeSpan.Zero) return _start;
        return _start + (_rate == 1 ? elapsed : TimeSpan.FromTicks((long)(elapsed.Ticks * _rate)));
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => _real.TimestampFrequency;

    public override long GetTimestamp() => _real.GetTimestamp();

    /// <summary>Domain seconds per real second.</summary>
    public double Rate => _rate;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _real.CreateTimer(callback, state, ToReal(dueTime), ToReal(period));

    /// <summary>The real time a span of domain time takes (an infinite or zero span stays as it is).</summary>
    public TimeSpan ToReal(TimeSpan domain) =>
        _rate == 1 || domain == Timeout.InfiniteTimeSpan || domain <= TimeSpan.Zero ? domain : TimeSpan.FromTicks(Math.Max(1, (long)(domain.Ticks / _rate)));

    /// <summary>The domain time that passes during a span of real time.</summary>
    public TimeSpan ToDomain(TimeSpan real) => _rate == 1 ? real : TimeSpan.FromTicks((long)Math.Min(TimeSpan.MaxValue.Ticks / 2.0, real.Ticks * _rate));
}

/// <summary>Configuration section <c>Clock</c>.</summary>
public sealed class ClockOptions
{
    public const string SectionName = "Clock";

    /// <summary>When set (an ISO 8601 instant, e.g. <c>2026-04-20T08:00:00Z</c>), the domain clock starts there
    /// instead of at the real time. For demos and tests only: JWT lifetimes, deadlines and timeouts keep real time.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>Domain seconds per real second (default 1). With <see cref="Start"/> only; e.g. 86400 runs a day a second.</summary>
    public double Rate { get; set; } = 1;

    /// <summary>The real instant at which the domain clock leaves <see cref="Start"/> (default: when the process starts);
    /// before it the clock stands at the start. Silos given the same start, anchor and rate share one domain clock.</summary>
    public DateTimeOffset? Anchor { get; set; }
}

/// <summary>The domain clock of the co-hosted silo's grains and reminders.</summary>
public static class DomainClock
{
    /// <summary>The started clock when <c>Clock:Start</c> is set; null when the domain runs on real time.</summary>
    public static StartedClock? From(IConfiguration configuration)
    {
        var clock = configuration.GetSection(ClockOptions.SectionName).Get<ClockOptions>() ?? new();
        return clock.Start is { } start ? new StartedClock(start, TimeProvider.System, clock.Rate, clock.Anchor) : null;
    }
}
