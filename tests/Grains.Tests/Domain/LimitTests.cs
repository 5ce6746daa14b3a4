using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Agreements;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.FollowUps;
using OrleansTilsyn.Grains.Domain.Limits;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Organisation;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

/// <summary>Every text field takes its maximum and refuses one character more, naming the field; every
/// collection a user grows takes its cap and refuses one more.</summary>
public sealed class LimitTests
{
    private static readonly DateTimeOffset HeldAt = At(2023, 5, 10, 10);
    private static readonly DateTimeOffset AfterHeld = At(2023, 5, 11);
    private static readonly DateOnly HeldOn = new(2023, 5, 10);

    private static UnitLoopState HeldFirst() => Held(Started(Unit()), Spring2023, HeldAt);

    private static string Text(int length) => new('æ', length);

    public static TheoryData<string, int> MinutesFields() => new()
    {
        { "decision", TextLimits.Entry },
        { "dataPoints[0]", TextLimits.Entry },
        { "possibleNextSteps[0]", TextLimits.Entry },
        { "closingRemarks", TextLimits.Entry },
        { "childrenPerspective", TextLimits.Entry },
        { "participants[0].name", TextLimits.Name },
        { "participants[0].function", TextLimits.Name },
        { "agreements[0].action", TextLimits.Note },
        { "agreements[0].owner", TextLimits.Name },
    };

    private static ConversationRecordDraft WithField(ConversationRecordDraft d, string field, string text) => field switch
    {
        "decision" => d with { Decision = text },
        "dataPoints[0]" => d with { DataPoints = d.DataPoints.SetItem(0, text) },
        "possibleNextSteps[0]" => d with { PossibleNextSteps = d.PossibleNextSteps.SetItem(0, text) },
        "closingRemarks" => d with { ClosingRemarks = text },
        "childrenPerspective" => d with { ChildrenPerspective = text },
        "participants[0].name" => d with { Participants = d.Participants.SetItem(0, d.Participants[0] with { Name = text }) },
        "participants[0].function" => d with { Participants = d.Participants.SetItem(0, d.Participants[0] with { Function = text }) },
        "agreements[0].action" => d with { Agreements = d.Agreements.SetItem(0, d.Agreements[0] with { Action = text }) },
        "agreements[0].owner" => d with { Agreements = d.Agreements.SetItem(0, d.Agreements[0] with { Owner = text }) },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    [Theory]
    [MemberData(nameof(MinutesFields))]
    public void AMinutesFieldTakesItsMaximumAndRefusesOneCharacterMore(string field, int max)
    {
        var s = HeldFirst();
        var draft = Record(s, HeldOn);

        Ok(ConversationCommands.SubmitRecord(s, Spring2023, WithField(draft, field, Text(max)), Leader(s.Unit), AfterHeld));
        var problem = Fails(ConversationCommands.SubmitRecord(s, Spring2023, WithField(draft, field, Text(max + 1)), Leader(s.Unit), AfterHeld), ProblemKind.Invalid);

        Assert.Equal(field, Assert.Single(problem.Violations).Field);
    }

    [Fact]
    public void MinutesListsTakeTheirCapsAndRefuseOneMore()
    {
        var s = HeldFirst();
        var draft = Record(s, HeldOn);
        var participants = Enumerable.Range(0, CollectionLimits.ParticipantsPerRecord - draft.Participants.Length)
            .Select(i => new Participant($"Gæst {i}", "pædagog", ParticipantRole.Other));
        var full = draft with
        {
            Participants = [.. draft.Participants, .. participants],
            DataPoints = [.. Enumerable.Range(0, CollectionLimits.LinesPerList).Select(i => $"Punkt {i}")],
            PossibleNextSteps = [.. Enumerable.Range(0, CollectionLimits.LinesPerList).Select(i => $"Skridt {i}")],
            Agreements = [.. Enumerable.Range(0, CollectionLimits.AgreementsPerRecord).Select(i => new AgreementDraft($"Handling {i}", "leder", HeldOn.AddDays(30)))],
        };
        Ok(ConversationCommands.SubmitRecord(s, Spring2023, full, Leader(s.Unit), AfterHeld));

        var over = full with
        {
            Participants = full.Participants.Add(new Participant("Gæst", "pædagog", ParticipantRole.Other)),
            DataPoints = full.DataPoints.Add("Et punkt mere"),
            PossibleNextSteps = full.PossibleNextSteps.Add("Et skridt mere"),
            Agreements = full.Agreements.Add(new AgreementDraft("En handling mere", "leder", HeldOn.AddDays(30))),
        };
        var problem = Fails(ConversationCommands.SubmitRecord(s, Spring2023, over, Leader(s.Unit), AfterHeld), ProblemKind.Invalid);

        Assert.Equal(["agreements", "dataPoints", "participants", "possibleNextSteps"], problem.Violations.Select(v => v.Field).Order());
    }

    [Fact]
    public void MinutesHoldAtMostTheirTotalNumberOfCharacters()
    {
        var s = HeldFirst();
        var draft = Record(s, HeldOn) with { DataPoints = [], PossibleNextSteps = [] };
        var others = ConversationRecordValidator.TotalLength(draft);
        var room = TextLimits.MinutesTotal - others;
        var points = Enumerable.Range(0, room / TextLimits.Entry + 1)
            .Select(i => Text(Math.Min(TextLimits.Entry, room - i * TextLimits.Entry))).Where(t => t.Length > 0).ToImmutableArray();
        var exactly = draft with { DataPoints = points[..^1], PossibleNextSteps = [points[^1]] };
        Assert.Equal(TextLimits.MinutesTotal, ConversationRecordValidator.TotalLength(exactly));
        Ok(ConversationCommands.SubmitRecord(s, Spring2023, exactly, Leader(s.Unit), AfterHeld));

        var over = exactly with { Decision = exactly.Decision + "!" };
        var problem = Fails(ConversationCommands.SubmitRecord(s, Spring2023, over, Leader(s.Unit), AfterHeld), ProblemKind.Invalid);

        Assert.Equal("record", Assert.Single(problem.Violations).Field);
    }

    [Fact]
    public void MinutesTakeNineCorrectionsAndRefuseATenth()
    {
        var s = HeldFirst();
        var draft = Record(s, HeldOn);
        s = Ok(ConversationCommands.SubmitRecord(s, Spring2023, draft, Leader(s.Unit), AfterHeld)).State;
        Fails(ConversationCommands.CorrectRecord(s, Spring2023, draft, Text(TextLimits.Note + 1), Leader(s.Unit), AfterHeld), ProblemKind.Invalid);
        for (var version = 2; version <= CollectionLimits.MinutesVersions; version++)
            s = Ok(ConversationCommands.CorrectRecord(s, Spring2023, draft, Text(TextLimits.Note), Leader(s.Unit), AfterHeld)).State;
        Assert.Equal(CollectionLimits.MinutesVersions, s.FindConversation(Spring2023)!.RecordVersions);

        var problem = Fails(ConversationCommands.CorrectRecord(s, Spring2023, draft, "Endnu en rettelse", Leader(s.Unit), AfterHeld), ProblemKind.FailedPrecondition);

        Assert.Contains($"{CollectionLimits.MinutesVersions} versions", problem.Message);
    }

    [Fact]
    public void AConversationTakesTwentyBoardStatementsOfTheirMaximumLengthAndRefusesOneMore()
    {
        var s = HeldFirst();
        Assert.True(Fails(ConversationCommands.AddBoardStatement(s, Spring2023, Text(TextLimits.Statement + 1), Board(s.Unit), AfterHeld), ProblemKind.Invalid).HasViolation("text"));
        for (var i = 0; i < CollectionLimits.BoardStatementsPerConversation; i++)
            s = Ok(ConversationCommands.AddBoardStatement(s, Spring2023, Text(TextLimits.Statement), Board(s.Unit), AfterHeld)).State;

        var problem = Fails(ConversationCommands.AddBoardStatement(s, Spring2023, "Én til", Board(s.Unit), AfterHeld), ProblemKind.FailedPrecondition);

        Assert.Contains($"{CollectionLimits.BoardStatementsPerConversation} board statements", problem.Message);
        Assert.Equal(CollectionLimits.BoardStatementsPerConversation, s.FindConversation(Spring2023)!.BoardStatements);
    }

    private static UnitLoopState WithOpenAgreements(UnitLoopState s, int count) => s with
    {
        Agreements = new AgreementLedger([.. Enumerable.Range(0, count).Select(i =>
            new Agreement($"one-to-one:2022-Autumn.{i}#1", new AgreementSource(AgreementSourceKind.OneToOne, $"2022-Autumn.{i}"), $"Handling {i}", "leder", HeldOn.AddDays(10), "chief:c", HeldAt))]),
    };

    [Fact]
    public void MinutesThatWouldOpenMoreThanAHundredAgreementsAreRefusedUntilSomeAreClosed()
    {
        var s = HeldFirst();
        var draft = Record(s, HeldOn);
        Ok(ConversationCommands.SubmitRecord(WithOpenAgreements(s, CollectionLimits.OpenAgreements - 1), Spring2023, draft, Leader(s.Unit), AfterHeld));

        var full = WithOpenAgreements(s, CollectionLimits.OpenAgreements);
        var problem = Fails(ConversationCommands.SubmitRecord(full, Spring2023, draft, Leader(s.Unit), AfterHeld), ProblemKind.FailedPrecondition);
        Assert.Contains($"at most {CollectionLimits.OpenAgreements}", problem.Message);

        var closed = Ok(AgreementCommands.Close(full, full.Agreements.Items[0].Id, Text(TextLimits.Note), Leader(s.Unit), AfterHeld)).State;
        Ok(ConversationCommands.SubmitRecord(closed, Spring2023, draft, Leader(s.Unit), AfterHeld));
    }

    [Fact]
    public void AClosingNoteOverItsMaximumIsRefusedNamingTheField()
    {
        var s = WithOpenAgreements(HeldFirst(), 1);
        var problem = Fails(AgreementCommands.Close(s, s.Agreements.Items[0].Id, Text(TextLimits.Note + 1), Leader(s.Unit), AfterHeld), ProblemKind.Invalid);
        Assert.True(problem.HasViolation("closingNote"));
    }

    [Fact]
    public void AOneToOneRecordTakesItsMaximaAndRefusesMore()
    {
        const string key = "2023-Spring.1";
        var s = Started(Unit());
        var heldAt = DomainDates.StartOf(s.FindOneToOne(key)!.Slot.Due).AddHours(9);
        var heldOn = DomainDates.DayOf(heldAt);
        var full = new OneToOneRecordDraft(Text(TextLimits.OneToOneSummary),
            [.. Enumerable.Range(0, CollectionLimits.LinesPerList).Select(_ => Text(TextLimits.Entry))],
            [.. Enumerable.Range(0, CollectionLimits.AgreementsPerRecord).Select(i => new AgreementDraft(Text(TextLimits.Note), Text(TextLimits.Name), heldOn.AddDays(20)))]);
        Ok(OneToOneCommands.HoldAndRecord(s, key, heldAt, full, Chief(s.Unit), heldAt));

        var over = full with
        {
            Summary = full.Summary + "x",
            Decisions = full.Decisions.Add("Én beslutning mere"),
            Agreements = full.Agreements.Add(new AgreementDraft("Én mere", "leder", heldOn.AddDays(20))),
        };
        var problem = Fails(OneToOneCommands.HoldAndRecord(s, key, heldAt, over, Chief(s.Unit), heldAt), ProblemKind.Invalid);

        Assert.Equal(["agreements", "decisions", "summary"], problem.Violations.Select(v => v.Field).Order());
    }

    [Fact]
    public void FocusAreasCanBeChosenTenTimesInALoopAndNotAnEleventh()
    {
        var s = HeldFirst();
        var area = new FocusArea("SPROG", Text(TextLimits.Name), Text(TextLimits.Note));
        Assert.True(Fails(FocusAreaCommands.Choose(s, [area with { Description = Text(TextLimits.Note + 1) }], Leader(s.Unit), AfterHeld), ProblemKind.Invalid)
            .HasViolation("focusAreas[0].description"));
        for (var i = 0; i < CollectionLimits.FocusAreaChoicesPerLoop; i++)
            s = Ok(FocusAreaCommands.Choose(s, [area], Leader(s.Unit), AfterHeld)).State;

        Fails(FocusAreaCommands.Choose(s, [area], Leader(s.Unit), AfterHeld), ProblemKind.FailedPrecondition);
    }

    [Fact]
    public void AThemeSetTakesTwentyThemesAndRefusesOneMore()
    {
        PoliticalTheme Theme(int i) => new($"T{i}", Text(TextLimits.Name));
        Ok(ThemeSet.Create(Loop0To6Of2023, 1, [.. Enumerable.Range(0, CollectionLimits.ThemesPerLoop).Select(Theme)], "forvaltning-1", HeldAt));

        var problem = Fails(ThemeSet.Create(Loop0To6Of2023, 1, [.. Enumerable.Range(0, CollectionLimits.ThemesPerLoop + 1).Select(Theme)], "forvaltning-1", HeldAt), ProblemKind.Invalid);

        Assert.Equal("themes", Assert.Single(problem.Violations).Field);
    }
}
