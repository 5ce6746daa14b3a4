using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Limits;
using OrleansTilsyn.Grains.Domain.Reports;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;
using static OrleansTilsyn.Grains.Tests.Reports.ReportFixtures;

namespace OrleansTilsyn.Grains.Tests.Reports;

/// <summary>Templates, drafts and submitted versions of written reports take their caps and refuse one more.</summary>
public sealed class ReportLimitTests
{
    private static TemplateDefinition Statement(IEnumerable<TemplateQuestion> questions, string title = "Udtalelse") =>
        new(title, TemplateKind.BoardStatement, [new("s", "Afsnit", [.. questions])]);

    /// <summary>A supervision template with <paramref name="questions"/> in its first part and one short question in each other part (4 characters of text, 2 of answers).</summary>
    private static TemplateDefinition SupervisionOf(IEnumerable<TemplateQuestion> questions, string title = "Tilsyn") =>
        new(title, TemplateKind.SupervisionReport,
        [
            new("basistilsyn", "Afsnit", [.. questions]),
            new("kommunale-retningslinjer", "K", [Question(901, 1, "K")]),
            new("paedagogisk-tilsyn", "P", [Question(902, 1, "P")]),
        ]);

    private static Result<TemplateLibrary> Publish(TemplateDefinition d, TemplateLibrary? library = null, string id = "udtalelse-test") =>
        (library ?? TemplateLibrary.Empty).Publish(id, d, Admin, At(2023, 1, 2));

    private static TemplateQuestion Question(int i, int maxLength = 1000, string? text = null) =>
        new($"q{i}", text ?? $"Spørgsmål {i}", AnswerKind.Text) { MaxLength = maxLength };

    [Fact]
    public void ATemplatesAnswersHoldAtMostAHundredThousandCharacters()
    {
        var full = Enumerable.Range(0, 4).Select(i => Question(i, TemplateQuestion.MaxMaxLength)).Append(Question(4, TemplateQuestion.MaxMaxLength - 2)).ToList();
        Ok(Publish(SupervisionOf(full)));

        var problem = Fails(Publish(SupervisionOf([.. full, Question(99, 1)])), ProblemKind.Invalid);

        Assert.Equal("sections", Assert.Single(problem.Violations).Field);
    }

    [Fact]
    public void ATemplateTakesAHundredQuestionsAndRefusesOneMore()
    {
        Ok(Publish(Statement(Enumerable.Range(0, CollectionLimits.TemplateQuestions).Select(i => Question(i, 100)))));

        var problem = Fails(Publish(Statement(Enumerable.Range(0, CollectionLimits.TemplateQuestions + 1).Select(i => Question(i, 100)))), ProblemKind.Invalid);

        Assert.Contains(problem.Violations, v => v.Field == "sections" && v.Description.Contains($"at most {CollectionLimits.TemplateQuestions}"));
    }

    [Fact]
    public void AChoiceTakesTwentyOptionsAndRefusesOneMore()
    {
        TemplateQuestion Choice(int options) => new("valg", "Vælg", AnswerKind.Choice) { Options = [.. Enumerable.Range(0, options).Select(i => new ChoiceOption($"o{i}", $"Mulighed {i}"))] };
        Ok(Publish(Statement([Choice(CollectionLimits.ChoiceOptions)])));

        var problem = Fails(Publish(Statement([Choice(CollectionLimits.ChoiceOptions + 1)])), ProblemKind.Invalid);

        Assert.Equal("sections[0].questions[0].options", Assert.Single(problem.Violations).Field);
    }

    [Fact]
    public void ATemplateHoldsAtMostFortyThousandCharactersOfText()
    {
        var title = new string('t', TemplateValidator.MaxTitle);
        var questions = Enumerable.Range(0, 20).Select(i => Question(i, text: new string('q', TemplateValidator.MaxQuestionText))).ToList();
        var exactly = SupervisionOf(questions[..^1].Append(Question(19, text: new string('q', TemplateValidator.MaxQuestionText - title.Length - "Afsnit".Length - 4))), title);
        Assert.Equal(TextLimits.TemplateTotal, TemplateValidator.TextLength(exactly));
        Ok(Publish(exactly));

        var problem = Fails(Publish(SupervisionOf(questions, title)), ProblemKind.Invalid);

        Assert.Equal("sections", Assert.Single(problem.Violations).Field);
    }

    [Fact]
    public void ABoardStatementTemplateCannotMakeAStatementLongerThanASamtaleTakes()
    {
        var question = new TemplateQuestion("u1", "Bestyrelsens perspektiv", AnswerKind.Text);
        var room = TextLimits.Statement - question.Text.Length - 1;
        Ok(Publish(Statement([question with { MaxLength = room }])));

        var problem = Fails(Publish(Statement([question with { MaxLength = room + 1 }])), ProblemKind.Invalid);

        Assert.Equal("sections", Assert.Single(problem.Violations).Field);
        Assert.True(TemplateValidator.StatementCapacity(ReportFixtures.Statement.Questions.Select(x => x.Question).ToList()) <= TextLimits.Statement);
    }

    [Fact]
    public void ATemplateTakesFiftyVersionsAndTheLibraryFiftyTemplates()
    {
        var library = TemplateLibrary.Empty;
        for (var v = 1; v <= CollectionLimits.TemplateVersions; v++) library = Ok(Publish(Statement([Question(1)], $"Udtalelse {v}"), library));
        Fails(Publish(Statement([Question(1)], "Endnu en"), library), ProblemKind.FailedPrecondition);

        for (var t = 1; t < CollectionLimits.Templates; t++) library = Ok(Publish(Statement([Question(1)]), library, $"skabelon-{t}"));
        Fails(Publish(Statement([Question(1)]), library, "en-for-mange"), ProblemKind.FailedPrecondition);
    }

    [Fact]
    public void AReportTakesSevenCorrectionsAndRefusesAnEighth()
    {
        var r = Submitted().Report;
        ImmutableArray<Answer> Version(int v) => [.. Complete.Select(a => a.Question == "p2" ? Text("p2", $"Rettet {v}") : a)];
        for (var v = 2; v <= CollectionLimits.ReportVersions; v++)
            r = Ok(ReportCommands.Correct(r, SelfOwned, Supervision, Version(v), "Rettelse", $"ret-{v}", BoardOf(SelfOwned), At(2023, 10, 21))).Report;
        Assert.Equal(CollectionLimits.ReportVersions, r.Submissions.Length);

        var problem = Fails(ReportCommands.Correct(r, SelfOwned, Supervision, Version(99), "Rettelse", "ret-99", BoardOf(SelfOwned), At(2023, 10, 21)), ProblemKind.FailedPrecondition);

        Assert.Contains($"{CollectionLimits.ReportVersions} submitted versions", problem.Message);
    }

    [Fact]
    public void ADraftTakesAThousandSavesAndRefusesOneMore()
    {
        var r = Started();
        for (var i = 0; i < CollectionLimits.DraftSaves; i++) r = Saved([Text("p2", $"Udkast {i}")], r);
        Assert.Equal(CollectionLimits.DraftSaves, r.DraftVersion);

        Fails(ReportCommands.SaveDraft(r, SelfOwned, Supervision, [Text("p2", "Én mere")], null, BoardOf(SelfOwned), At(2023, 9, 3)), ProblemKind.FailedPrecondition);
        Assert.Same(r, Saved([Text("p2", $"Udkast {CollectionLimits.DraftSaves - 1}")], r));
    }
}
