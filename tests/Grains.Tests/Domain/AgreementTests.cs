using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Agreements;
using OrleansTilsyn.Grains.Domain.Loop;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

public sealed class AgreementTests
{
    private static UnitLoopState WithMinutes()
    {
        var s = Held(Started(Unit()), Spring2023, At(2023, 5, 10));
        var draft = Record(s, new(2023, 5, 10)) with
        {
            Agreements = [new("Relationsspiralen i alle afdelinger", "Pædagogiske ledere", new(2023, 9, 1)), new("Børneinterviews", "Dagtilbudsleder", new(2023, 8, 1))],
        };
        return Ok(ConversationCommands.SubmitRecord(s, Spring2023, draft, Leader(s.Unit), At(2023, 5, 11))).State;
    }

    [Fact]
    public void AgreementsStayOpenAndCarryForwardToTheNextOneToOneAndConversation()
    {
        var s = WithMinutes();
        Assert.Equal(2, Ok(OneToOneCommands.Agenda(s, "2023-Spring.3", At(2023, 9, 20))).OpenAgreements.Length);
        Assert.Equal(2, Ok(LoopQueries.Agenda(s, Autumn2023)).OpenAgreements.Length);
        Assert.Equal(1, LoopQueries.Health(s, At(2023, 8, 5)).AgreementsPastDue);
    }

    [Fact]
    public void ClosingAnAgreementRecordsWhoAndWhenAndRemovesItFromTheAgendas()
    {
        var s = Ok(AgreementCommands.Close(WithMinutes(), "conversation:2023-Spring#2", "Interviews gennemført", Chief(Unit()), At(2023, 7, 1))).State;
        var closed = s.Agreements.Find("conversation:2023-Spring#2")!;
        Assert.Equal((AgreementStatus.Closed, "chief:bu-chef-1", At(2023, 7, 1)), (closed.Status, closed.ClosedBy, closed.ClosedAt!.Value));
        Assert.Single(Ok(LoopQueries.Agenda(s, Autumn2023)).OpenAgreements);
        Fails(AgreementCommands.Close(s, "conversation:2023-Spring#2", null, Chief(Unit()), At(2023, 7, 2)), ProblemKind.FailedPrecondition);
        Fails(AgreementCommands.Close(s, "conversation:2023-Spring#9", null, Chief(Unit()), At(2023, 7, 2)), ProblemKind.NotFound);
    }

    [Fact]
    public void CorrectionWithdrawsRemovedOpenAgreementsButKeepsClosedOnes()
    {
        var s = Ok(AgreementCommands.Close(WithMinutes(), "conversation:2023-Spring#2", null, Leader(Unit()), At(2023, 6, 1))).State;
        var current = Record(s, new(2023, 5, 10)) with
        {
            Agreements = [new("Relationsspiralen i alle afdelinger", "Pædagogiske ledere", new(2023, 9, 1)), new("Børneinterviews", "Dagtilbudsleder", new(2023, 8, 1))],
        };
        var corrected = current with { Agreements = [current.Agreements[0] with { Owner = "Dagtilbudsleder" }] };
        s = Ok(ConversationCommands.CorrectRecord(s, Spring2023, corrected, "Ejer rettet", Leader(s.Unit), At(2023, 6, 2))).State;
        Assert.Equal("Dagtilbudsleder", s.Agreements.Find("conversation:2023-Spring#1")!.Owner);
        Assert.Equal(AgreementStatus.Closed, s.Agreements.Find("conversation:2023-Spring#2")!.Status);
        var empty = corrected with { Agreements = [new("Ny aftale", "Leder", new(2023, 12, 1))] };
        s = Ok(ConversationCommands.CorrectRecord(s, Spring2023, empty, "Aftale udskiftet", Leader(s.Unit), At(2023, 6, 3))).State;
        Assert.Equal("Ny aftale", s.Agreements.Find("conversation:2023-Spring#1")!.Action);
    }

    [Fact]
    public void LedgerWithdrawsAgreementsDroppedFromTheLatestMinutes()
    {
        var source = new AgreementSource(AgreementSourceKind.Conversation, "2023-Spring");
        var ledger = AgreementLedger.Empty.Sync(source, [new("A", "X", new(2023, 9, 1)), new("B", "Y", new(2023, 9, 1))], "leader:l", At(2023, 5, 1));
        ledger = ledger.Sync(source, [new("A", "X", new(2023, 9, 1))], "leader:l", At(2023, 5, 2));
        Assert.Equal(AgreementStatus.Withdrawn, ledger.Find("conversation:2023-Spring#2")!.Status);
        Assert.Single(ledger.Open);
    }
}
