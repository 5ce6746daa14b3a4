using System.Collections.Immutable;
using System.Text.Json;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Reports;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;
using static OrleansTilsyn.Grains.Tests.Reports.ReportFixtures;

namespace OrleansTilsyn.Grains.Tests.Reports;

public sealed class SubmissionTests
{
    private static Result<SubmissionOutcome> Submit(WrittenReport r, string key = "send-1", int? draftVersion = null) =>
        ReportCommands.Submit(r, SelfOwned, Supervision, key, draftVersion, BoardOf(SelfOwned), At(2023, 10, 20));

    [Fact]
    public void SubmitReturnsEveryMissingRequiredAnswerAtOnce()
    {
        var problem = Fails(Submit(Saved([Yes("b1"), Text("p2", "Kun dette.")])), ProblemKind.Invalid);
        string[] missing = ["b2", "b3", "b4", "k1", "k2", "k3", "k4", "p1", "p3", "p4"];
        Assert.Equal(missing.Length, problem.Violations.Length);
        Assert.All(missing, q => Assert.Contains(problem.Violations, v => v.Field.EndsWith($".questions[{q}]", StringComparison.Ordinal) && v.Description == "is required"));
        Assert.True(problem.HasViolation("sections[basistilsyn].questions[b2]"));
        Assert.False(problem.HasViolation("sections[basistilsyn].questions[b5]"), "an optional attachment may be left out");
        Assert.Equal(ProblemKind.Invalid, Fails(Submit(Started()), ProblemKind.Invalid).Kind);
    }

    [Fact]
    public void NoAnswerRequiresExplanation()
    {
        var answers = Complete.Select(a => a.Question == "b3" ? No("b3") : a).ToImmutableArray().Add(No("k1")).RemoveAll(a => a.Question == "k1" && a.Yes == true);
        var problem = Fails(Submit(Saved(answers)), ProblemKind.Invalid);
        Assert.Equal(["sections[basistilsyn].questions[b3].explanation", "sections[kommunale-retningslinjer].questions[k1].explanation"],
            problem.Violations.Select(v => v.Field));
        Assert.True(Submit(Saved(Complete)).IsSuccess, "a yes needs no explanation under the default rule");
    }

    [Fact]
    public void ExplanationRuleIsConfigurablePerQuestion()
    {
        var q = new TemplateQuestion("q", "Spørgsmål", AnswerKind.YesNo);
        Assert.True(AnswerRules.NeedsExplanation(q.Explanation, yes: false));
        Assert.False(AnswerRules.NeedsExplanation(q.Explanation, yes: true));
        Assert.True(AnswerRules.NeedsExplanation(ExplanationRule.WhenYes, yes: true));
        Assert.True(AnswerRules.NeedsExplanation(ExplanationRule.Always, yes: true));
        Assert.False(AnswerRules.NeedsExplanation(ExplanationRule.Optional, yes: false));
        var template = Ok(TemplateLibrary.Empty.Publish("udtalelse-test", new("Test", TemplateKind.BoardStatement,
            [new("s", "Afsnit", [q with { Explanation = ExplanationRule.Always }])]), Admin, At(2023, 1, 1))).Latest("udtalelse-test")!;
        Assert.True(AnswerRules.CheckComplete(template, [Yes("q")]).Single().Field == "sections[s].questions[q].explanation");
    }

    [Fact]
    public void SubmittedReportIsImmutableAndReceipted()
    {
        var (report, receipt, replayed) = Submitted();
        Assert.False(replayed);
        Assert.Equal((Report2023, 1, Supervision.Ref, "board:bestyrelse-unit-1", At(2023, 10, 20)),
            (receipt.Report, receipt.Version, receipt.Template, receipt.SubmittedBy, receipt.SubmittedAt));
        Assert.Equal(ContentHash.Compute(Supervision.Ref, Complete), receipt.ContentHash);
        Assert.Equal(ReportStage.Submitted, report.Stage);
        Fails(ReportCommands.SaveDraft(report, SelfOwned, Supervision, [Yes("b1")], null, BoardOf(SelfOwned), At(2023, 10, 21)), ProblemKind.FailedPrecondition);
        Assert.Equal<Answer>(Complete, report.Current!.Answers);
    }

    [Fact]
    public void ResubmissionWithSameKeyReturnsSameReceipt()
    {
        var first = Submitted("nøgle-1");
        var again = Ok(ReportCommands.Submit(first.Report, SelfOwned, Supervision, "nøgle-1", null, BoardOf(SelfOwned), At(2023, 10, 22)));
        Assert.True(again.Replayed);
        Assert.Same(first.Report, again.Report);
        Assert.Equal(first.Receipt, again.Receipt);
        var other = Fails(ReportCommands.Submit(first.Report, SelfOwned, Supervision, "nøgle-2", null, BoardOf(SelfOwned), At(2023, 10, 22)), ProblemKind.FailedPrecondition);
        Assert.Contains("already submitted", other.Message);
        Fails(ReportCommands.Submit(first.Report, SelfOwned, Supervision, " ", null, BoardOf(SelfOwned), At(2023, 10, 22)), ProblemKind.Invalid);
    }

    [Fact]
    public void SubmissionOfAStaleDraftVersionIsAConflict()
    {
        var r = Saved(Complete);
        Fails(Submit(r, draftVersion: 0), ProblemKind.Conflict);
        Assert.Equal(1, Ok(Submit(r, draftVersion: 1)).Receipt.Version);
    }

    [Fact]
    public void CorrectionIsANewVersionThatKeepsTheOriginal()
    {
        var original = Submitted().Report;
        var board = BoardOf(SelfOwned);
        var changed = Complete.Select(a => a.Question == "p3" ? Text("p3", "Datapakken viser faldende sygefravær.") : a).ToImmutableArray();
        var noReason = Fails(ReportCommands.Correct(original, SelfOwned, Supervision, changed, " ", "ret-1", board, At(2023, 11, 1)), ProblemKind.Invalid);
        Assert.True(noReason.HasViolation("reason"));
        Fails(ReportCommands.Correct(original, SelfOwned, Supervision, Complete, "Ingen ændring", "ret-1", board, At(2023, 11, 1)), ProblemKind.Invalid);
        var incomplete = Fails(ReportCommands.Correct(original, SelfOwned, Supervision, [Yes("b1")], "Rettet", "ret-1", board, At(2023, 11, 1)), ProblemKind.Invalid);
        Assert.True(incomplete.Violations.Length > 5);

        var corrected = Ok(ReportCommands.Correct(original, SelfOwned, Supervision, changed, "Tal fra ny datapakke", "ret-1", board, At(2023, 11, 1)));
        Assert.Equal((2, "Tal fra ny datapakke", true), (corrected.Receipt.Version, corrected.Receipt.CorrectionReason, corrected.Receipt.IsCorrection));
        Assert.Equal(ReportStage.Corrected, corrected.Report.Stage);
        Assert.Equal(original.Submissions[0], corrected.Report.Submissions[0]);
        Assert.NotEqual(corrected.Report.Submissions[0].Receipt.ContentHash, corrected.Receipt.ContentHash);
        Assert.Equal<Answer>(changed, corrected.Report.Current!.Answers);
        Assert.True(Ok(ReportCommands.Correct(corrected.Report, SelfOwned, Supervision, changed, "Tal fra ny datapakke", "ret-1", board, At(2023, 11, 2))).Replayed);
        Fails(ReportCommands.Correct(Saved(Complete), SelfOwned, Supervision, changed, "For tidligt", "ret-0", board, At(2023, 11, 2)), ProblemKind.FailedPrecondition);
    }

    [Fact]
    public void ContentHashIsStableAndChangesWithContent()
    {
        var template = new TemplateRef("bestyrelsesudtalelse", 1);
        ImmutableArray<Answer> answers = [Text("u2", "Ro på \"stuerne\"\nog\tleg"), new("u1") { Yes = false, Explanation = "Æble\\" }];
        Assert.Equal(
            """{"answers":[{"explanation":"Æble\\","question":"u1","yes":false},{"question":"u2","text":"Ro på \"stuerne\"\nog\tleg"}],"template":{"id":"bestyrelsesudtalelse","version":1}}""",
            ContentHash.Canonical(template, answers));
        Assert.Equal("894defb97f46c5648e42030696064dfa437aaa4927eef5b6950d467ad9f9e36e", ContentHash.Compute(template, answers));
        Assert.Equal(ContentHash.Compute(template, answers), ContentHash.Compute(template, [.. answers.Reverse()]));
        Assert.NotEqual(ContentHash.Compute(template, answers), ContentHash.Compute(template, [answers[0], answers[1] with { Explanation = "Æble" }]));
        Assert.NotEqual(ContentHash.Compute(template, answers), ContentHash.Compute(template with { Version = 2 }, answers));
        Assert.Equal(Submitted("a").Receipt.ContentHash, Submitted("b").Receipt.ContentHash);
    }

    [Fact]
    public void BoardStatementsUseTheSameMachinery()
    {
        var unit = Unit();
        var board = Board(unit);
        var id = ReportId.ConversationStatement(unit.Id, Autumn2023);
        var r = Ok(ReportCommands.Start(id, unit, Statement, board, At(2023, 10, 1)));
        r = Ok(ReportCommands.SaveDraft(r, unit, Statement, [Text("u2", "Forældresamarbejdet.")], null, board, At(2023, 10, 2)));
        var problem = Fails(ReportCommands.Submit(r, unit, Statement, "k", null, board, At(2023, 10, 3)), ProblemKind.Invalid);
        Assert.Equal("sections[udtalelse].questions[u1]", Assert.Single(problem.Violations).Field);
        r = Ok(ReportCommands.SaveDraft(r, unit, Statement, [Text("u1", "Bestyrelsen ser god trivsel."), Text("u2", "Forældresamarbejdet.")], 1, board, At(2023, 10, 4)));
        var submitted = Ok(ReportCommands.Submit(r, unit, Statement, "k", 2, board, At(2023, 10, 5)));
        Assert.Equal(Statement.Ref, submitted.Receipt.Template);
        Assert.Null(ReportAccess.CheckRead(unit, submitted.Report, Leader(unit)));
        Assert.Equal(
            "Bestyrelsens perspektiv på enhedens data og lokale fokusområder\nBestyrelsen ser god trivsel.\n\nHvad ønsker bestyrelsen særligt drøftet eller fremhævet?\nForældresamarbejdet.",
            StatementText.From(Statement, submitted.Report.Current!));
    }

    [Fact]
    public void ReportStateRoundTripsThroughJson()
    {
        var changed = Complete.Select(a => a.Question == "p3" ? Text("p3", "Rettet.") : a).ToImmutableArray();
        var r = Ok(ReportCommands.Correct(Submitted().Report, SelfOwned, Supervision, changed, "Rettelse", "ret", BoardOf(SelfOwned), At(2023, 11, 1))).Report;
        var json = JsonSerializer.Serialize(r);
        var back = JsonSerializer.Deserialize<WrittenReport>(json)!;
        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Equal(r.Id, back.Id);
        Assert.Equal(ReportStage.Corrected, back.Stage);
        Assert.Equal(r.Current!.Receipt, back.Current!.Receipt);
        Assert.Contains("\"Id\":\"unit-1/tilsyn/2023\"", json);
        Assert.DoesNotContain("\"Choice\":null", json);
        Assert.DoesNotContain("Stage", json);
        var library = JsonSerializer.Serialize(Library);
        Assert.Equal(library, JsonSerializer.Serialize(JsonSerializer.Deserialize<TemplateLibrary>(library)));
    }
}
