using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Limits;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>Closing an agreement in the ledger; until then it carries forward to every next 1:1 and samtale.</summary>
public static class AgreementCommands
{
    public static Result<LoopOutcome> Close(UnitLoopState s, string agreementId, string? note, Actor by, DateTimeOffset now)
    {
        if (LoopPermissions.Check(s.Unit, by, UnitPermissions.CloseAgreement, "close an agreement") is { } denied) return denied;
        if (note?.Length > TextLimits.Note) return Problem.Invalid("closingNote", $"must be at most {TextLimits.Note} characters");
        return s.Agreements.Close(agreementId, by.ToString(), note, now)
            .Map(ledger => new LoopOutcome(s with { Agreements = ledger }, LoopEffects.None));
    }
}
