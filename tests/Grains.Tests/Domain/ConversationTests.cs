using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Tasks;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

public sealed class ConversationTests
{
    private static readonly DateTimeOffset HeldAt = At(2023, 5, 10, 10);
    private static readonly DateTimeOffset AfterHeld = At(2023, 5, 11);
    private static readonly DateOnly HeldOn = new(2023, 5, 10);

    [Fact]
    public void RecordRejectedForConversationNotHeld()
    {
        var s = Started(Unit());
        var problem = Fails(ConversationCommands.SubmitRecord(s, Spring2023, Record(s, HeldOn), Leader(s.Unit), AfterHeld), ProblemKind.FailedPrecondition);
        Assert.Contains("not been held", problem.Message);
    }

    [Fact]
    public void HoldingAConversationThatWasNotScheduledIsRefused() =>
        Fails(ConversationCommands.Hold(Started(Unit()), Spring2023, HeldAt, Chief(Unit()), AfterHeld), ProblemKind.FailedPrecondition);

    [Fact]
    public void SchedulingBeforeTheWindowOrInThePastIsInvalid()
    {
        var s = Started(Unit());
        var early = Fails(ConversationCommands.Schedule(s, Spring2023, At(2023, 3, 20), Chief(s.Unit), At(2023, 3, 1)), ProblemKind.Invalid);
        Assert.True(early.HasViolation("scheduledFor"));
        Fails(ConversationCommands.Schedule(s, Spring2023, At(2023, 4, 5), Chief(s.Unit), At(2023, 4, 6)), ProblemKind.Invalid);
    }

    [Fact]
    public void CompleteMinutesOfAHeldConversationAreAccepted()
    {
        var s = Held(Started(Unit()), Spring2023, HeldAt);
        var outcome = Ok(ConversationCommands.SubmitRecord(s, Spring2023, Record(s, HeldOn), Leader(s.Unit), AfterHeld));
        var record = Assert.Single(outcome.Effects.Documents);
        Assert.Equal((DocumentKind.Minutes, "2023-Spring", 1, "leader:leder-unit-1"), (record.Kind, record.Occurrence, record.Version, record.WrittenBy));
        var conversation = outcome.State.FindConversation(Spring2023)!;
        Assert.Equal((1, AfterHeld), (conversation.RecordVersions, conversation.RecordedAt!.Value));
        Assert.Empty(conversation.RecordedRoles);
        Assert.Single(outcome.Effects.TasksClosed, t => t.Kind == TaskKind.WriteMinutes);
        Assert.Single(outcome.State.Agreements.Open);
    }

    [Fact]
    public void FirstConversationRequiresBoardRepresentativeGivenDagtilbud()
    {
        var s = Held(Started(Unit(Sector.Dagtilbud)), Spring2023, HeldAt);
        var draft = Record(s, HeldOn) with { Participants = Without(s, ParticipantRole.BoardRepresentative) };
        var problem = Fails(ConversationCommands.SubmitRecord(s, Spring2023, draft, Leader(s.Unit), AfterHeld), ProblemKind.Invalid);
        Assert.Contains(problem.Violations, v => v.Field == "participants" && v.Description.Contains("BoardRepresentative"));
    }

    [Fact]
    public void LaterConversationNeedsTheBoardsStatementOrARepresentative()
    {
        var s = Held(Started(Unit()), Spring2023, HeldAt);
        s = Ok(ConversationCommands.SubmitRecord(s, Spring2023, Record(s, HeldOn), Leader(s.Unit), AfterHeld)).State;
        s = Held(s, Autumn2023, At(2023, 10, 20));
        var draft = Record(s, new DateOnly(2023, 10, 20)) with { Participants = Without(s, ParticipantRole.BoardRepresentative) };
        var problem = Fails(ConversationCommands.SubmitRecord(s, Autumn2023, draft, Leader(s.Unit), At(2023, 10, 21)), ProblemKind.Invalid);
        Assert.Contains(problem.Violations, v => v.Description.Contains("board's perspective"));
        s = Ok(ConversationCommands.AddBoardStatement(s, Autumn2023, "Bestyrelsen ønsker fokus på forældresamarbejdet.", Board(s.Unit), At(2023, 10, 21))).State;
        Ok(ConversationCommands.SubmitRecord(s, Autumn2023, draft, Leader(s.Unit), At(2023, 10, 22)));
    }

    [Fact]
    public void SelfOwnedUnitConversationsAreHeldByBoard()
    {
        var unit = Unit(selfOwned: true);
        var s = Started(unit);
        Assert.Equal(ConversationHolder.Board, s.Holder);
        Fails(ConversationCommands.Schedule(s, Spring2023, HeldAt, Chief(unit), At(2023, 4, 2)), ProblemKind.PermissionDenied);
        s = Held(s, Spring2023, HeldAt);
        var draft = Record(s, HeldOn) with { Participants = Without(s, ParticipantRole.Chief) };
        Ok(ConversationCommands.SubmitRecord(s, Spring2023, draft, Board(unit), AfterHeld));
        var opened = LoopReminders.OnReminder(Started(unit), "conversation-window-open:2023-Spring", At(2023, 4, 1, 0), At(2023, 4, 1, 0));
        Assert.Equal(AssigneeRole.Board, Assert.Single(opened.Effects.TasksRaised).Assignee);
    }

    [Fact]
    public void FuRequiresDepartmentLeaderAndYouthRepresentativeOnceEachLoopYear()
    {
        var fu = Unit(Sector.Fu);
        var s = Held(Started(fu), new(2024, Season.Spring), At(2024, 5, 10));
        var spring = new Grains.Domain.Calendar.Period(2024, Season.Spring);
        var autumn = spring.Next();
        var withoutYouth = Without(s, ParticipantRole.YouthRepresentative).Where(p => p.Role != ParticipantRole.DepartmentLeaderRepresentative).ToArray();
        s = Ok(ConversationCommands.SubmitRecord(s, spring, Record(s, new(2024, 5, 10), [.. withoutYouth]), Leader(fu), At(2024, 5, 11))).State;
        s = Held(s, autumn, At(2024, 10, 20));
        var problem = Fails(ConversationCommands.SubmitRecord(s, autumn, Record(s, new(2024, 10, 20), [.. withoutYouth]), Leader(fu), At(2024, 10, 21)), ProblemKind.Invalid);
        Assert.Contains(problem.Violations, v => v.Description.StartsWith("YouthRepresentative", StringComparison.Ordinal));
        Assert.Contains(problem.Violations, v => v.Description.StartsWith("DepartmentLeaderRepresentative", StringComparison.Ordinal));
        Ok(ConversationCommands.SubmitRecord(s, autumn, Record(s, new(2024, 10, 20)), Leader(fu), At(2024, 10, 21)));
    }

    [Fact]
    public void FuRepresentativesAtOneSamtaleCoverTheLoopYear()
    {
        var fu = Unit(Sector.Fu);
        var spring = new Grains.Domain.Calendar.Period(2024, Season.Spring);
        var s = Held(Started(fu), spring, At(2024, 5, 10));
        s = Ok(ConversationCommands.SubmitRecord(s, spring, Record(s, new(2024, 5, 10)), Leader(fu), At(2024, 5, 11))).State;
        Assert.Equal([ParticipantRole.DepartmentLeaderRepresentative, ParticipantRole.YouthRepresentative], s.FindConversation(spring)!.RecordedRoles.ToArray());
        s = Held(s, spring.Next(), At(2024, 10, 20));
        var without = Without(s, ParticipantRole.YouthRepresentative).Where(p => p.Role != ParticipantRole.DepartmentLeaderRepresentative).ToArray();
        Ok(ConversationCommands.SubmitRecord(s, spring.Next(), Record(s, new(2024, 10, 20), [.. without]), Leader(fu), At(2024, 10, 21)));
    }

    [Fact]
    public void MinutesValidationReportsEveryProblemAtOnce()
    {
        var s = Held(Started(Unit()), Spring2023, HeldAt);
        var empty = new ConversationRecordDraft([], [], [], [], DecisionKind.NextSteps, "", [new("", "", HeldOn)], null, null);
        var problem = Fails(ConversationCommands.SubmitRecord(s, Spring2023, empty, Leader(s.Unit), AfterHeld), ProblemKind.Invalid);
        foreach (var field in new[] { "participants", "dataBasis", "dataPoints", "possibleNextSteps", "decision",
                     "agreements[0].action", "agreements[0].owner", "agreements[0].due", "childrenPerspective" })
            Assert.True(problem.HasViolation(field), field);
    }

    [Fact]
    public void SubmittedRecordIsImmutableAndCannotBeSubmittedAgain()
    {
        var s = Held(Started(Unit()), Spring2023, HeldAt);
        s = Ok(ConversationCommands.SubmitRecord(s, Spring2023, Record(s, HeldOn), Leader(s.Unit), AfterHeld)).State;
        Fails(ConversationCommands.SubmitRecord(s, Spring2023, Record(s, HeldOn), Leader(s.Unit), AfterHeld), ProblemKind.AlreadyExists);
    }

    [Fact]
    public void CorrectionCreatesNewAttributedVersion()
    {
        var s = Held(Started(Unit()), Spring2023, HeldAt);
        var original = Record(s, HeldOn);
        var first = Ok(ConversationCommands.SubmitRecord(s, Spring2023, original, Leader(s.Unit), AfterHeld));
        s = first.State;
        var corrected = original with { Decision = "Arbejde med relationsspiralen." };
        Fails(ConversationCommands.CorrectRecord(s, Spring2023, corrected, " ", Chief(s.Unit), At(2023, 5, 12)), ProblemKind.Invalid);
        var second = Ok(ConversationCommands.CorrectRecord(s, Spring2023, corrected, "Beslutningen var forkert gengivet", Chief(s.Unit), At(2023, 5, 12)));
        var (v1, v2) = (Assert.Single(first.Effects.Documents), Assert.Single(second.Effects.Documents));
        Assert.Equal([1, 2], [v1.Version, v2.Version]);
        Assert.Same(original, v1.Content);
        Assert.Equal(("chief:bu-chef-1", At(2023, 5, 12), "Beslutningen var forkert gengivet"), (v2.WrittenBy, v2.WrittenAt, v2.CorrectionReason));
        Assert.Same(corrected, v2.Content);
        Assert.Equal((2, AfterHeld), (second.State.FindConversation(Spring2023)!.RecordVersions, second.State.FindConversation(Spring2023)!.RecordedAt!.Value));
    }

    [Fact]
    public void AgendaFollowsTheSeedTemplateOfTwoHours()
    {
        Assert.Equal(120, AgendaTemplate.TotalMinutes);
        Assert.Equal([5, 5, 35, 30, 10, 10, 10, 10, 5], AgendaTemplate.LearningConversation.Select(i => i.Minutes));
        Assert.Equal(35, AgendaTemplate.LearningConversation[2].Parts.Sum(p => p.Minutes));
        var agenda = Ok(LoopQueries.Agenda(Started(Unit()), Spring2023));
        Assert.Contains(agenda.RequiredParticipants, p => p.Role == ParticipantRole.BoardRepresentative);
        Assert.Equal(2, agenda.Themes.Length);
    }
}
