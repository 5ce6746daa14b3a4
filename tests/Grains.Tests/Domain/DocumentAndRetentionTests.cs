using OrleansTilsyn.Grains.Domain.Agreements;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Documents;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Tasks;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

/// <summary>Written content leaves the loop state as documents; the state stays bounded.</summary>
public sealed class DocumentAndRetentionTests
{
    [Fact]
    public void OneToOneRecordIsADocumentAndTheLoopKeepsWhoWroteIt()
    {
        var s = Started(Unit());
        var heldAt = At(2023, 6, 20);
        s = Ok(OneToOneCommands.Hold(s, "2023-Spring.1", heldAt, Chief(s.Unit), heldAt)).State;
        var draft = new Grains.Domain.FollowUps.OneToOneRecordDraft("Drøftet normering.", ["Vikardækning prioriteres"], []);
        var outcome = Ok(OneToOneCommands.Record(s, "2023-Spring.1", draft, Chief(s.Unit), heldAt.AddHours(1)));
        var document = Assert.Single(outcome.Effects.Documents);
        Assert.Equal((DocumentKind.OneToOneRecord, "2023-Spring.1", 1), (document.Kind, document.Occurrence, document.Version));
        Assert.Same(draft, document.Content);
        Assert.Equal("chief:bu-chef-1", outcome.State.FindOneToOne("2023-Spring.1")!.RecordedBy);
    }

    [Fact]
    public void HoldingAndRecordingAOneToOneAtOnceClosesItsTaskAndWritesTheRecord()
    {
        var s = Started(Unit());
        var notice = LoopReminderPlan.ExpectedDue(s, ReminderNames.OneToOneDue("2023-Spring.1"))!.Value;
        s = LoopReminders.OnReminder(s, ReminderNames.OneToOneDue("2023-Spring.1"), notice, notice).State;
        var draft = new Grains.Domain.FollowUps.OneToOneRecordDraft("Drøftet fravær.", [], [new("Følge op", "Leder", new(2023, 9, 1))]);
        var outcome = Ok(OneToOneCommands.HoldAndRecord(s, "2023-Spring.1", At(2023, 6, 20), draft, Chief(s.Unit), At(2023, 6, 20, 12)));
        Assert.Equal(TaskKind.HoldOneToOne, Assert.Single(outcome.Effects.TasksClosed).Kind);
        Assert.Equal(DocumentKind.OneToOneRecord, Assert.Single(outcome.Effects.Documents).Kind);
        Assert.Contains(outcome.Effects.Reminders, r => r is AgendaChange.Cancel { Name: "task-overdue:open" });
        var o = outcome.State.FindOneToOne("2023-Spring.1")!;
        Assert.Equal((Contracts.Model.OneToOneStatus.Held, true), (o.Status, o.IsRecorded));
        Assert.Single(outcome.State.Agreements.Open);
        Fails(OneToOneCommands.HoldAndRecord(outcome.State, "2023-Spring.1", At(2023, 6, 20), draft, Chief(s.Unit), At(2023, 6, 21)), Contracts.Results.ProblemKind.FailedPrecondition);
    }

    [Fact]
    public void BoardStatementsAreNumberedDocuments()
    {
        var s = Started(Unit());
        var first = Ok(ConversationCommands.AddBoardStatement(s, Autumn2023, "Fokus på forældresamarbejdet.", Board(s.Unit), At(2023, 9, 5)));
        var second = Ok(ConversationCommands.AddBoardStatement(first.State, Autumn2023, "Og på overgange.", Board(s.Unit), At(2023, 9, 6)));
        Assert.Equal(2, second.State.FindConversation(Autumn2023)!.BoardStatements);
        var document = Assert.Single(second.Effects.Documents);
        Assert.Equal((DocumentKind.BoardStatement, 2), (document.Kind, document.Version));
        Assert.Equal("Og på overgange.", Assert.IsType<BoardStatementText>(document.Content).Text);
        Assert.Equal(2, Ok(LoopQueries.Agenda(second.State, Autumn2023)).BoardStatements);
    }

    [Fact]
    public void BoardReportAndOpsamlingTextsAreDocuments()
    {
        var s = Started(Unit(selfOwned: true));
        var report = new Grains.Domain.Supervision.BoardReportContent("Basistilsyn.", "Retningslinjer.", "Pædagogisk tilsyn.");
        var submitted = Ok(BoardReportCommands.Submit(s, 2023, report, Board(s.Unit), At(2023, 10, 20)));
        Assert.Same(report, Assert.Single(submitted.Effects.Documents).Content);
        var ended = At(2024, 12, 20);
        var summed = Ok(OpsamlingCommands.Submit(s, "Fælles sprog er forankret.", Leader(s.Unit), ended));
        var text = Assert.Single(summed.Effects.Documents);
        Assert.Equal((DocumentKind.Opsamling, "0-6/2023"), (text.Kind, text.Occurrence));
        Assert.Equal(new Opsamling("leader:leder-unit-1", ended), summed.State.Opsamling);
    }

    [Fact]
    public void DoneTasksLeaveTheBookAfterNinetyDays()
    {
        var s = LoopReminders.OnReminder(Started(Unit()), "conversation-window-open:2023-Spring", At(2023, 4, 1, 0), At(2023, 4, 1, 0)).State;
        s = Held(s, Spring2023, At(2023, 5, 1));
        Assert.Contains(s.Tasks.Items, t => t.Kind == TaskKind.ScheduleConversation && !t.IsOpen);
        var later = LoopReminders.OnReminder(s, "conversation-window-open:2023-Autumn", At(2023, 10, 1, 0), At(2023, 10, 1, 0)).State;
        Assert.DoesNotContain(later.Tasks.Items, t => t.Kind == TaskKind.ScheduleConversation && t.Occurrence == "2023-Spring");
        Assert.Contains(later.Tasks.Open, t => t.Kind == TaskKind.WriteMinutes);
    }

    [Fact]
    public void ALoopThatEndedBeforeTrackingStartedAsksForNoOpsamling()
    {
        var u = Unit();
        var s = Ok(LoopStart.Start(u, new LoopId(AgeArea.ZeroToSix, 2021), Wheel(u), null, At(2023, 3, 30))).State;
        Assert.DoesNotContain(LoopReminderPlan.For(s), r => r.Name == ReminderNames.LoopEnd(s.Loop));
        Assert.Contains(LoopReminderPlan.For(s), r => r.Name == ReminderNames.NextLoop(Loop0To6Of2023));
    }

    [Fact]
    public void NextLoopCarriesOpenAgreementsAndThoseClosedDuringTheEndingLoop()
    {
        var old = new Agreement("conversation:2021-Spring#1", new(AgreementSourceKind.Conversation, "2021-Spring"), "Gammel", "Leder",
            new(2021, 9, 1), "leader:x", At(2021, 5, 1), AgreementStatus.Closed, At(2021, 10, 1), "leader:x");
        var recent = old with { Id = "conversation:2023-Spring#1", ClosedAt = At(2023, 10, 1) };
        var open = old with { Id = "conversation:2024-Spring#1", Status = AgreementStatus.Open, ClosedAt = null, ClosedBy = null };
        var s = Started(Unit()) with { Agreements = new([old, recent, open]) };
        var next = Ok(LoopStart.StartNext(s, s.Unit, Wheel(s.Unit), null, Admin, At(2025, 3, 31))).State;
        Assert.Equal(["conversation:2023-Spring#1", "conversation:2024-Spring#1"], next.Agreements.Items.Select(a => a.Id));
    }

    [Fact]
    public void OperationsReadHealthOnlyBoardsReadSamtalerOnlyWhenSelfOwnedAndNeverOneToOnes()
    {
        var u = Unit();
        var selfOwned = u with { SelfOwned = true };
        var operations = new Actor(ActorRole.Operations, "drift-1");
        Assert.True(LoopPermissions.CanRead(u, operations, ReadScope.Health));
        Assert.False(LoopPermissions.CanRead(u, operations, ReadScope.Status));
        Assert.False(LoopPermissions.CanRead(u, Board(u), ReadScope.Meetings));
        Assert.True(LoopPermissions.CanRead(selfOwned, Board(selfOwned), ReadScope.Meetings));
        Assert.True(LoopPermissions.CanRead(u, Board(u), ReadScope.Statements));
        Assert.False(LoopPermissions.CanRead(selfOwned, Board(selfOwned), ReadScope.OneToOnes));
        Assert.False(LoopPermissions.CanRead(u, Board(u), ReadScope.OneToOnes));
        Assert.True(LoopPermissions.CanRead(u, Leader(u), ReadScope.OneToOnes));
        Assert.False(LoopPermissions.CanRead(u, new Actor(ActorRole.Chief, "bu-chef-9"), ReadScope.Status));
        Assert.False(LoopPermissions.CanRead(u, Admin, ReadScope.Meetings));
        Assert.True(LoopPermissions.CanRead(u, Admin, ReadScope.Reports));
        Assert.False(LoopPermissions.CanRead(u, Admin, ReadScope.OneToOnes));
    }
}
