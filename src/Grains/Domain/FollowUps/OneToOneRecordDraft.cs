using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Agreements;
using OrleansTilsyn.Grains.Domain.Documents;
using OrleansTilsyn.Grains.Domain.Limits;

namespace OrleansTilsyn.Grains.Domain.FollowUps;

/// <summary>What a 1:1 records: a summary, leadership decisions and new agreements.</summary>
public sealed record OneToOneRecordDraft(string Summary, ImmutableArray<string> Decisions, ImmutableArray<AgreementDraft> Agreements) : DocumentContent
{
    public IReadOnlyList<FieldViolation> Validate(DateOnly heldOn)
    {
        var v = new Violations();
        v.RequireText(Summary, "summary", TextLimits.OneToOneSummary);
        var decisions = Decisions.IsDefault ? [] : Decisions;
        v.RequireAtMost(decisions.Length, CollectionLimits.LinesPerList, "decisions", "decisions");
        for (var i = 0; i < decisions.Length; i++) v.RequireText(decisions[i], $"decisions[{i}]", TextLimits.Entry);
        var agreements = Agreements.IsDefault ? [] : Agreements;
        v.RequireAtMost(agreements.Length, CollectionLimits.AgreementsPerRecord, "agreements", "agreements");
        AgreementDraft.Validate(agreements, "agreements", heldOn, v);
        return v.Items;
    }
}
