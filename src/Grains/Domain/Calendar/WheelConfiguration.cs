using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Grains.Domain.Calendar;

/// <summary>
/// State of the configuration grain: every wheel version ever set. A version takes effect for
/// loops that START on or after its effective date; a running loop keeps the settings it started
/// with (they are copied into the loop), so nothing already scheduled is ever rewritten.
/// </summary>
public sealed record WheelConfiguration
{
    public static WheelConfiguration Empty { get; } = new();

    public ImmutableArray<WheelVersion> Versions { get; init; } = [];

    /// <summary>The version that applies to a loop of a unit of this key starting on <paramref name="loopStart"/>.</summary>
    public WheelVersion Resolve(WheelConfigKey key, DateOnly loopStart)
    {
        for (WheelConfigKey? k = key; k is not null; k = k.Fallback)
        {
            var found = Versions.Where(v => v.Key == k && v.EffectiveFrom <= loopStart).MaxBy(v => v.Version);
            if (found is not null) return found;
        }
        return new WheelVersion(key, 0, DateOnly.MinValue, WheelDefaults.For(key), "default", DateTimeOffset.MinValue, "built-in default");
    }

    /// <summary>Adds a version. It may not take effect before today: history is never rewritten.</summary>
    public Result<WheelConfiguration> AddVersion(
        WheelConfigKey key, DateOnly effectiveFrom, WheelSettings settings, string changedBy, string reason, DateTimeOffset now)
    {
        var v = new Violations();
        v.AddRange(WheelSettingsRules.Validate(settings));
        v.RequireText(changedBy, "changedBy", 200);
        v.RequireText(reason, "reason", 1000);
        v.Require(effectiveFrom >= DomainDates.DayOf(now), "effectiveFrom", "a new version cannot take effect in the past");
        var latest = Versions.Where(x => x.Key == key).MaxBy(x => x.Version);
        v.Require(latest is null || effectiveFrom >= latest.EffectiveFrom, "effectiveFrom", "must not be before the latest version's effective date");
        return v.ToResult("The wheel version is not valid.", () => this with
        {
            Versions = Versions.Add(new WheelVersion(key, (latest?.Version ?? 0) + 1, effectiveFrom, settings, changedBy, now, reason)),
        });
    }
}
