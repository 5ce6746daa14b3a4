using System.Text.Json.Serialization;
using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Limits;

namespace OrleansTilsyn.Grains.Domain.Agreements;

/// <summary>The decision ledger of a unit: every agreement from samtaler and 1:1s, kept across loops.</summary>
public sealed record AgreementLedger(ImmutableArray<Agreement> Items)
{
    public static AgreementLedger Empty { get; } = new([]);

    [JsonIgnore]
    public IEnumerable<Agreement> Open => Items.Where(a => a.IsOpen);

    public Agreement? Find(string id) => Items.FirstOrDefault(a => a.Id == id);

    public static string IdOf(AgreementSource source, int index) => $"{source}#{index + 1}";

    /// <summary>
    /// Makes the ledger match the agreements of the latest minutes of <paramref name="source"/>:
    /// new ones are added, open ones updated, open ones no longer there withdrawn; closed ones stay as they are.
    /// </summary>
    public AgreementLedger Sync(AgreementSource source, IReadOnlyList<AgreementDraft> drafts, string by, DateTimeOffset now)
    {
        var items = Items.ToBuilder();
        for (var i = 0; i < drafts.Count; i++)
        {
            var id = IdOf(source, i);
            var index = IndexOf(items, id);
            var d = drafts[i];
            if (index < 0) items.Add(new Agreement(id, source, d.Action.Trim(), d.Owner.Trim(), d.Due, by, now));
            else if (items[index].Status != AgreementStatus.Closed)
                items[index] = items[index] with { Action = d.Action.Trim(), Owner = d.Owner.Trim(), Due = d.Due, Status = AgreementStatus.Open };
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Source == source && items[i].IsOpen && !IsWithin(items[i].Id, source, drafts.Count))
                items[i] = items[i] with { Status = AgreementStatus.Withdrawn, ClosedAt = now, ClosedBy = by, ClosingNote = "removed by a correction" };
        }
        return new AgreementLedger(items.ToImmutable());
    }

    /// <summary>What a new loop carries: every open agreement and those closed or withdrawn since <paramref name="since"/>; older ones stay in the minutes and the audit trail.</summary>
    public AgreementLedger CarriedForward(DateTimeOffset since) =>
        new([.. Items.Where(a => a.IsOpen || a.ClosedAt >= since)]);

    /// <summary>
    /// FailedPrecondition when this ledger (after a change) has more open agreements than the cap and more
    /// than <paramref name="before"/> had: agendas embed every open agreement. A change that does not add
    /// open ones is never refused.
    /// </summary>
    public Problem? BeyondOpenCap(AgreementLedger before)
    {
        var open = Open.Count();
        return open > CollectionLimits.OpenAgreements && open > before.Open.Count()
            ? Problem.FailedPrecondition($"The unit would have {open} open agreements; at most {CollectionLimits.OpenAgreements} may be open at once. Close the agreements that are done first.")
            : null;
    }

    public Result<AgreementLedger> Close(string id, string by, string? note, DateTimeOffset now)
    {
        var agreement = Find(id);
        if (agreement is null) return Problem.NotFound($"Agreement {id} does not exist.");
        if (!agreement.IsOpen) return Problem.FailedPrecondition($"Agreement {id} is already {agreement.Status.ToString().ToLowerInvariant()}.");
        var closed = agreement with { Status = AgreementStatus.Closed, ClosedAt = now, ClosedBy = by, ClosingNote = note?.Trim() };
        return new AgreementLedger(Items.Replace(agreement, closed));
    }

    private static int IndexOf(ImmutableArray<Agreement>.Builder items, string id)
    {
        for (var i = 0; i < items.Count; i++)
            if (items[i].Id == id) return i;
        return -1;
    }

    private static bool IsWithin(string id, AgreementSource source, int count) =>
        Enumerable.Range(0, count).Any(i => IdOf(source, i) == id);
}
