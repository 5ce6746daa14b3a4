namespace OrleansTilsyn.Grains.Audit;

/// <summary>
/// Who caused an audited change: the person (token subject and display name), the role they acted in, and whom they
/// acted for when that is not themselves. Reminder and other system deliveries use <see cref="System"/> or another
/// actor with the system role. Cannot be built with missing or oversized fields (see <see cref="AuditRules"/>).
/// </summary>
public sealed record AuditActor(string PersonId, string DisplayName, string Role, string? OnBehalfOf)
{
    public const string SystemRole = "system";

    /// <summary>The service itself: reminder deliveries, start-up work.</summary>
    public static AuditActor System { get; } = new("system", "Tjenesten", SystemRole, null);

    public string PersonId { get; init => field = AuditRules.Required(value, AuditRules.TextMaxLength, nameof(PersonId)); }
        = AuditRules.Required(PersonId, AuditRules.TextMaxLength, nameof(PersonId));

    public string DisplayName { get; init => field = AuditRules.Required(value, AuditRules.TextMaxLength, nameof(DisplayName)); }
        = AuditRules.Required(DisplayName, AuditRules.TextMaxLength, nameof(DisplayName));

    public string Role { get; init => field = AuditRules.Required(value, AuditRules.TextMaxLength, nameof(Role)); }
        = AuditRules.Required(Role, AuditRules.TextMaxLength, nameof(Role));

    public string? OnBehalfOf { get; init => field = AuditRules.Optional(value, AuditRules.TextMaxLength, nameof(OnBehalfOf)); }
        = AuditRules.Optional(OnBehalfOf, AuditRules.TextMaxLength, nameof(OnBehalfOf));
}
