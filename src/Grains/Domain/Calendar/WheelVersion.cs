namespace OrleansTilsyn.Grains.Domain.Calendar;

/// <summary>One attributed version of the wheel for one key; version 0 is the built-in default.</summary>
public sealed record WheelVersion(
    WheelConfigKey Key,
    int Version,
    DateOnly EffectiveFrom,
    WheelSettings Settings,
    string ChangedBy,
    DateTimeOffset ChangedAt,
    string Reason);
