using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Reports;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;
using static OrleansTilsyn.Grains.Tests.Reports.ReportFixtures;

namespace OrleansTilsyn.Grains.Tests.Reports;

public sealed class TemplateTests
{
    [Fact]
    public void DefaultSupervisionTemplateHasTheFrameworksThreeParts()
    {
        Assert.Equal((1, TemplateKind.SupervisionReport), (Supervision.Version, Supervision.Kind));
        Assert.Equal(["basistilsyn", "kommunale-retningslinjer", "paedagogisk-tilsyn"], Supervision.Sections.Select(s => s.Id));
        Assert.All(Supervision.Sections, s => Assert.InRange(s.Questions.Length, 3, 8));
        Assert.Contains(Supervision.Questions, x => x.Question.Kind == AnswerKind.Attachment && !x.Question.Required);
        Assert.Equal(TemplateKind.BoardStatement, Statement.Kind);
        Assert.InRange(Statement.Questions.Count(), 1, 2);
        Assert.All(Statement.Questions, x => Assert.Equal(AnswerKind.Text, x.Question.Kind));
    }

    [Fact]
    public void TemplateValidationReportsEveryBrokenRule()
    {
        TemplateDefinition broken = new("", TemplateKind.SupervisionReport,
        [
            new("basistilsyn", "Basistilsyn",
            [
                new("q1", "Et spørgsmål", AnswerKind.Text),
                new("q1", "Samme id", AnswerKind.YesNo) { Options = [new("a", "A"), new("b", "B")] },
                new("q3", "Et valg", AnswerKind.Choice) { Options = [new("a", "A"), new("a", "Igen")] },
                new("q4", "Et valg uden svar", AnswerKind.Choice),
                new("q5", "For lang grænse", AnswerKind.Text) { MaxLength = 0 },
            ]),
            new("basistilsyn", "Igen", []),
        ]);
        var result = TemplateLibrary.Empty.Publish("tilsyn", broken, Admin, At(2023, 1, 2));
        var problem = Fails(result, ProblemKind.Invalid);
        string[] expected =
        [
            "title", "sections", "sections[1].id", "sections[1].questions", "sections[0].questions[1].id", "sections[0].questions[1].options",
            "sections[0].questions[2].options[1].id", "sections[0].questions[3].options", "sections[0].questions[4].maxLength",
        ];
        Assert.All(expected, f => Assert.True(problem.HasViolation(f), $"missing {f}: {problem}"));
        Assert.Equal(2, problem.Violations.Count(v => v.Field == "sections"));
    }

    [Fact]
    public void PublishingNumbersVersionsAndNeverChangesAnOldOne()
    {
        var v2Definition = ReportTemplateDefaults.Statement with { Title = "Bestyrelsens udtalelse (revideret)" };
        var library = Ok(Library.Publish(ReportTemplateDefaults.StatementId, v2Definition, Admin, At(2024, 1, 2)));
        Assert.Equal(2, library.Latest(ReportTemplateDefaults.StatementId)!.Version);
        Assert.Equal(Statement, library.Find(Statement.Ref));
        Assert.Same(library, Ok(library.Publish(ReportTemplateDefaults.StatementId, v2Definition, Admin, At(2024, 1, 3))));
        Fails(library.Publish(ReportTemplateDefaults.StatementId, ReportTemplateDefaults.Supervision, Admin, At(2024, 1, 3)), ProblemKind.Invalid);
        Fails(library.Publish("ny", ReportTemplateDefaults.Statement, Chief(SelfOwned), At(2024, 1, 3)), ProblemKind.PermissionDenied);
        Fails(library.Publish("ny", ReportTemplateDefaults.Statement, new Actor(ActorRole.Operations, "drift"), At(2024, 1, 3)), ProblemKind.PermissionDenied);
    }

    [Fact]
    public void ReportKeepsItsTemplateVersion()
    {
        var r = Saved([Yes("b1"), Text("p2", "Første udkast.")]);
        var v2 = ReportTemplateDefaults.Supervision with
        {
            Sections = [.. ReportTemplateDefaults.Supervision.Sections.Select(s => s with { Title = s.Title + " (2024)" })],
        };
        var library = Ok(Library.Publish(ReportTemplateDefaults.SupervisionId, v2, Admin, At(2023, 9, 15)));
        Assert.Equal(2, library.Latest(ReportTemplateDefaults.SupervisionId)!.Version);
        Assert.Equal(new TemplateRef(ReportTemplateDefaults.SupervisionId, 1), r.Template);
        var template = library.Find(r.Template)!;
        Assert.Equal(Supervision, template);
        var submitted = Ok(ReportCommands.Submit(Saved(Complete, r), SelfOwned, template, "k", null, BoardOf(SelfOwned), At(2023, 10, 1)));
        Assert.Equal(r.Template, submitted.Receipt.Template);
        Assert.Throws<Grains.Domain.DomainInvariantException>(() =>
            ReportCommands.SaveDraft(r, SelfOwned, library.Latest(ReportTemplateDefaults.SupervisionId)!, Complete, null, BoardOf(SelfOwned), At(2023, 10, 1)));
    }

    [Fact]
    public void AReportStartsOnlyOnATemplateOfItsKind()
    {
        Fails(ReportCommands.Start(Report2023, SelfOwned, Statement, BoardOf(SelfOwned), At(2023, 9, 1)), ProblemKind.Invalid);
        var statement = ReportId.ConversationStatement(SelfOwned.Id, Autumn2023);
        Fails(ReportCommands.Start(statement, SelfOwned, Supervision, BoardOf(SelfOwned), At(2023, 9, 1)), ProblemKind.Invalid);
    }
}
