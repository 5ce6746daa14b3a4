using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Limits;

namespace OrleansTilsyn.Grains.Domain.Agreements;

/// <summary>An agreed action as written in minutes: what, who owns it (a function or role), by when.</summary>
public sealed record AgreementDraft(string Action, string Owner, DateOnly Due)
{
    public static void Validate(IReadOnlyList<AgreementDraft> drafts, string field, DateOnly madeOn, Violations v)
    {
        for (var i = 0; i < drafts.Count; i++)
        {
            var f = $"{field}[{i}]";
            v.RequireText(drafts[i].Action, $"{f}.action", TextLimits.Note);
            v.RequireText(drafts[i].Owner, $"{f}.owner", TextLimits.Name);
            v.Require(drafts[i].Due > madeOn, $"{f}.due", "must be after the meeting");
            v.Require(drafts[i].Due <= madeOn.AddYears(3), $"{f}.due", "must be within three years");
        }
    }
}
