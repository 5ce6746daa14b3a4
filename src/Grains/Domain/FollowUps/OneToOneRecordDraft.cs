using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Agreements;
using OrleansTilsyn.Grains.Domain.Documents;

namespace OrleansTilsyn.Grains.Domain.FollowUps;

/// <summary>What a 1:1 records: a summary, leadership decisions and new agreements.</summary>
public sealed record OneToOneRecordDraft(string Summary, ImmutableArray<string> Decisions, ImmutableArray<AgreementDraft> Agreements) : DocumentContent
{
    public IReadOnlyList<FieldViolation> Validate(DateOnly heldOn)
    {
        var v = new Violations();
        v.RequireText(Summary, "summary", 8000);
        var decisions = Decisions.IsDefault ? [] : Decisions;
        for (var i = 0; i < decisions.Length; i++) v.RequireText(decisions[i], $"decisions[{i}]", 4000);
        AgreementDraft.Validate(Agreements.IsDefault ? [] : Agreements, "agreements", heldOn, v);
        return v.Items;
    }
}
