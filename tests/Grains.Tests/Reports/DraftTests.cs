using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Reports;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;
using static OrleansTilsyn.Grains.Tests.Reports.ReportFixtures;

namespace OrleansTilsyn.Grains.Tests.Reports;

public sealed class DraftTests
{
    [Fact]
    public void DraftSavesAreVersionedAndAttributed()
    {
        var first = Saved([Yes("b1"), Text("p2", "Udkast fra første møde.")], at: At(2023, 9, 5));
        var second = Saved([Yes("b1"), Text("p2", "Udkast efter andet møde."), Choice("k4", "delvist")], first, At(2023, 9, 19));
        var third = Saved([Text("p2", "Udkast efter andet møde."), Choice("k4", "delvist")], second, At(2023, 10, 3));

        Assert.Equal(3, third.DraftVersion);
        Assert.Equal([1, 2, 3], third.Saves.Select(s => s.Version));
        Assert.All(third.Saves, s => Assert.Equal("board:bestyrelse-unit-1", s.SavedBy));
        Assert.Equal([At(2023, 9, 5), At(2023, 9, 19), At(2023, 10, 3)], third.Saves.Select(s => s.SavedAt));
        Assert.Equal(["k4", "p2"], third.Saves[1].Set.Select(a => a.Question).Order());
        Assert.Equal<string>(["b1"], third.Saves[2].Cleared);
        Assert.Equal("Udkast fra første møde.", third.DraftAt(Supervision, 1).Single(a => a.Question == "p2").Text);
        Assert.Equal(3, third.DraftAt(Supervision, 2).Length);
        Assert.Equal<Answer>(third.Answers, third.DraftAt(Supervision, 3));
    }

    [Fact]
    public void ResumeIsTheLatestDraftInTemplateOrder()
    {
        var r = Saved([Text("p2", "Senere afsnit."), Yes("b1"), Choice("k4", "fuldt")]);
        Assert.Equal(["b1", "k4", "p2"], r.Answers.Select(a => a.Question));
        Assert.Equal(ReportStage.Draft, r.Stage);
    }

    [Fact]
    public void SavingTheSameAnswersAgainAddsNoVersion()
    {
        var r = Saved([Yes("b1"), Text("p2", "Tekst")]);
        Assert.Same(r, Saved([Text("p2", "  Tekst\r\n"), Yes("b1"), new Answer("k5") { Text = "   " }], r));
    }

    [Fact]
    public void DraftSaveChecksShapeOnlyAndAllowsPartialAnswers()
    {
        Assert.Equal(1, Saved([Yes("b1")]).DraftVersion);
        var tooLong = new string('x', TemplateQuestion.DefaultMaxLength + 1);
        var problem = Fails(ReportCommands.SaveDraft(Started(), SelfOwned, Supervision,
        [
            Choice("k4", "maaske"), Text("b1", "ja"), Text("p2", tooLong), new Answer("b5") { Attachment = "har mellemrum" },
            new Answer("zz") { Text = "?" }, Yes("b2"), No("b2"), new Answer("p3") { Text = "bip\u0007" },
        ], null, BoardOf(SelfOwned), At(2023, 9, 2)), ProblemKind.Invalid);
        string[] fields =
        [
            "sections[kommunale-retningslinjer].questions[k4].choice", "sections[basistilsyn].questions[b1].text",
            "sections[paedagogisk-tilsyn].questions[p2].text", "sections[basistilsyn].questions[b5].attachment",
            "questions[zz]", "sections[basistilsyn].questions[b2]", "sections[paedagogisk-tilsyn].questions[p3].text",
        ];
        Assert.All(fields, f => Assert.True(problem.HasViolation(f), $"missing {f}: {problem}"));
        Assert.Equal(fields.Length, problem.Violations.Length);
    }

    [Fact]
    public void ConcurrentSaveFromAStaleVersionIsAConflict()
    {
        var r = Saved([Yes("b1")]);
        var board = BoardOf(SelfOwned);
        Assert.Equal(2, Ok(ReportCommands.SaveDraft(r, SelfOwned, Supervision, [Yes("b2")], 1, board, At(2023, 9, 3))).DraftVersion);
        Fails(ReportCommands.SaveDraft(r, SelfOwned, Supervision, [Yes("b2")], 0, board, At(2023, 9, 3)), ProblemKind.Conflict);
    }

    [Fact]
    public void OnlyTheUnitsBoardWrites()
    {
        var r = Started();
        var other = Unit(selfOwned: true, id: "unit-2");
        Fails(ReportCommands.SaveDraft(r, SelfOwned, Supervision, [Yes("b1")], null, Board(other), At(2023, 9, 2)), ProblemKind.PermissionDenied);
        Fails(ReportCommands.SaveDraft(r, SelfOwned, Supervision, [Yes("b1")], null, Chief(SelfOwned), At(2023, 9, 2)), ProblemKind.PermissionDenied);
        Fails(ReportCommands.SaveDraft(r, SelfOwned, Supervision, [Yes("b1")], null, Admin, At(2023, 9, 2)), ProblemKind.PermissionDenied);
        Fails(ReportCommands.Start(ReportId.Supervision(other.Id, 2023), other, Supervision, BoardOf(SelfOwned), At(2023, 9, 1)), ProblemKind.PermissionDenied);
    }

    [Fact]
    public void OnlySelfOwnedDaycaresWriteASupervisionReport()
    {
        var ordinary = Unit();
        Fails(ReportCommands.Start(ReportId.Supervision(ordinary.Id, 2023), ordinary, Supervision, Board(ordinary), At(2023, 9, 1)), ProblemKind.FailedPrecondition);
        Ok(ReportCommands.Start(ReportId.ConversationStatement(ordinary.Id, Autumn2023), ordinary, Statement, Board(ordinary), At(2023, 9, 1)));
    }

    [Fact]
    public void ReportIdsRoundTripAndRejectNonsense()
    {
        var ids = new[]
        {
            Report2023, ReportId.ConversationStatement(SelfOwned.Id, Autumn2023), ReportId.QualityReportStatement(SelfOwned.Id, 2025),
        };
        Assert.Equal(["unit-1/tilsyn/2023", "unit-1/udtalelse-samtale/2023-Autumn", "unit-1/udtalelse-kvalitetsrapport/2025"], ids.Select(i => i.ToString()));
        Assert.All(ids, i => Assert.Equal(i, ReportId.Parse(i.ToString())));
        Assert.All(["unit-1/tilsyn/23", "unit-1/tilsyn/2023-Spring", "unit-1/andet/2023", "unit 1/tilsyn/2023", "unit-1/tilsyn/+2023", "unit-1/tilsyn/9999", ""],
            s => Assert.False(ReportId.TryParse(s, out _), s));
    }

    [Fact]
    public void DraftsAreTheBoardsOwnUntilSubmitted()
    {
        var r = Saved([Yes("b1")]);
        Assert.Null(ReportAccess.CheckRead(SelfOwned, r, BoardOf(SelfOwned)));
        Assert.Equal(ProblemKind.PermissionDenied, ReportAccess.CheckRead(SelfOwned, r, Chief(SelfOwned))!.Kind);
        var submitted = Submitted().Report;
        Assert.Null(ReportAccess.CheckRead(SelfOwned, submitted, Chief(SelfOwned)));
        Assert.Null(ReportAccess.CheckRead(SelfOwned, submitted, Admin));
        Assert.NotNull(ReportAccess.CheckRead(SelfOwned, submitted, Leader(SelfOwned)));
        Assert.NotNull(ReportAccess.CheckRead(SelfOwned, submitted, new Actor(ActorRole.Operations, "drift")));
        Assert.NotNull(ReportAccess.CheckRead(SelfOwned, submitted, new Actor(ActorRole.Chief, "bu-chef-2")));
        var status = ReportStatusView.Of(submitted);
        Assert.Equal((ReportStage.Submitted, 1, 0), (status.Stage, status.DraftVersion, status.Corrections));
    }
}
