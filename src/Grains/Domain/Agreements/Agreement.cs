using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Agreements;

/// <summary>An agreement in the ledger. Open ones carry forward to every next 1:1 and samtale until closed.</summary>
public sealed record Agreement(
    string Id,
    AgreementSource Source,
    string Action,
    string Owner,
    DateOnly Due,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    AgreementStatus Status = AgreementStatus.Open,
    DateTimeOffset? ClosedAt = null,
    string? ClosedBy = null,
    string? ClosingNote = null)
{
    [JsonIgnore]
    public bool IsOpen => Status == AgreementStatus.Open;

    public bool IsPastDue(DateOnly today) => IsOpen && Due < today;
}
