namespace OrleansTilsyn.Grains.Audit;

/// <summary>
/// One audited change, keyed by the grain ("unit/dt-aadalen") and the state version the change committed. Immutable
/// once appended. Cannot be built invalid (see <see cref="AuditRules"/>), also not through <c>with</c>; <see cref="At"/>
/// is kept in UTC and <see cref="Detail"/> is null when empty, so what a store gives back equals what it was given.
/// </summary>
public sealed record AuditEvent(string Grain, long Version, DateTimeOffset At, AuditActor Actor, string Command, string Outcome, string? Detail)
{
    public string Grain { get; init => field = AuditRules.Grain(value, nameof(Grain)); } = AuditRules.Grain(Grain, nameof(Grain));

    public long Version { get; init => field = AuditRules.Version(value, nameof(Version)); } = AuditRules.Version(Version, nameof(Version));

    public DateTimeOffset At { get; init => field = value.ToUniversalTime(); } = At.ToUniversalTime();

    public AuditActor Actor { get; init => field = value ?? throw new ArgumentNullException(nameof(Actor)); }
        = Actor ?? throw new ArgumentNullException(nameof(Actor));

    public string Command { get; init => field = AuditRules.Required(value, AuditRules.TextMaxLength, nameof(Command)); }
        = AuditRules.Required(Command, AuditRules.TextMaxLength, nameof(Command));

    public string Outcome { get; init => field = AuditRules.Required(value, AuditRules.TextMaxLength, nameof(Outcome)); }
        = AuditRules.Required(Outcome, AuditRules.TextMaxLength, nameof(Outcome));

    public string? Detail { get; init => field = AuditRules.Optional(value, AuditRules.DetailMaxLength, nameof(Detail)); }
        = AuditRules.Optional(Detail, AuditRules.DetailMaxLength, nameof(Detail));

    public override string ToString() => $"{Grain} v{Version} {Command} -> {Outcome}";
}
