using System.Collections.Immutable;

namespace OrleansTilsyn.Gateway.Security;

/// <summary>Who a token is for: the claims of <see cref="CallerClaims"/> (<paramref name="DisplayName"/> is the
/// <c>name</c> claim, left out when null) plus a label and description for listings.</summary>
public sealed record TokenIdentity(
    string Label, string Subject, CallerRole Role, string RoleId, ImmutableArray<string> Units, string Description, string? DisplayName = null);
