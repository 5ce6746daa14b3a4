using OrleansTilsyn.Contracts.Calls;

namespace OrleansTilsyn.Grains.Audit;

/// <summary>
/// Who caused an audited change: the person (token subject and display name), the role they acted in and the id of
/// the role held (the chief id, leader id, board id or staff id), and whom they acted for when that is not themselves.
/// Reminder and other system deliveries use <see cref="System"/> or another actor with the system role. Cannot be
/// built with missing or oversized fields (see <see cref="AuditRules"/>).
/// </summary>
public sealed record AuditActor(string PersonId, string DisplayName, string Role, string RoleId, string? OnBehalfOf)
{
    public const string SystemRole = "system";

    /// <summary>The service itself: reminder deliveries, start-up work.</summary>
    public static AuditActor System { get; } = new("system", "Tjenesten", SystemRole, "system", null);

    public string PersonId { get; init => field = AuditRules.Required(value, AuditRules.TextMaxLength, nameof(PersonId)); }
        = AuditRules.Required(PersonId, AuditRules.TextMaxLength, nameof(PersonId));

    public string DisplayName { get; init => field = AuditRules.Required(value, AuditRules.TextMaxLength, nameof(DisplayName)); }
        = AuditRules.Required(DisplayName, AuditRules.TextMaxLength, nameof(DisplayName));

    public string Role { get; init => field = AuditRules.Required(value, AuditRules.TextMaxLength, nameof(Role)); }
        = AuditRules.Required(Role, AuditRules.TextMaxLength, nameof(Role));

    public string RoleId { get; init => field = AuditRules.Required(value, AuditRules.TextMaxLength, nameof(RoleId)); }
        = AuditRules.Required(RoleId, AuditRules.TextMaxLength, nameof(RoleId));

    public string? OnBehalfOf { get; init => field = AuditRules.Optional(value, AuditRules.TextMaxLength, nameof(OnBehalfOf)); }
        = AuditRules.Optional(OnBehalfOf, AuditRules.TextMaxLength, nameof(OnBehalfOf));

    /// <summary>The caller of a grain call as the audit records it (the one place that maps the two).</summary>
    /// <exception cref="ArgumentException">A field of <paramref name="caller"/> breaks the audit's text rules.</exception>
    public static AuditActor From(CallerIdentity caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new(caller.PersonId, caller.DisplayName, caller.Role, caller.RoleId, caller.OnBehalfOf);
    }
}
