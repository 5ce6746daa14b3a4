using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Reports;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Reports;

/// <summary>The default templates, a self-owned daycare and answers that complete the supervision template.</summary>
internal static class ReportFixtures
{
    public static readonly TemplateLibrary Library = ReportTemplateDefaults.Library(Admin, At(2023, 1, 2));
    public static readonly ReportTemplate Supervision = Library.Latest(ReportTemplateDefaults.SupervisionId)!;
    public static readonly ReportTemplate Statement = Library.Latest(ReportTemplateDefaults.StatementId)!;
    public static readonly Unit SelfOwned = Unit(selfOwned: true);
    public static readonly ReportId Report2023 = ReportId.Supervision(SelfOwned.Id, 2023);

    public static Actor BoardOf(Unit u) => Board(u);

    public static Answer Yes(string q) => new(q) { Yes = true };
    public static Answer No(string q, string? why = null) => new(q) { Yes = false, Explanation = why };
    public static Answer Text(string q, string text) => new(q) { Text = text };
    public static Answer Choice(string q, string option) => new(q) { Choice = option };

    public static ImmutableArray<Answer> Complete { get; } =
    [
        Yes("b1"), Yes("b2"), No("b3", "Vurderingen opdateres i foråret."), Yes("b4"),
        new("b5") { Attachment = "dok:legeplads-2023-07" },
        Yes("k1"), Yes("k2"), Yes("k3"), Choice("k4", "fuldt"),
        Yes("p1"), Text("p2", "Børnene interviewes i små grupper."), Text("p3", "Datapakken viser stabil trivsel."),
        Choice("p4", "tilfredsstillende"),
    ];

    public static WrittenReport Started(ReportTemplate? t = null) =>
        Ok(ReportCommands.Start(Report2023, SelfOwned, t ?? Supervision, BoardOf(SelfOwned), At(2023, 9, 1)));

    public static WrittenReport Saved(ImmutableArray<Answer> answers, WrittenReport? r = null, DateTimeOffset? at = null) =>
        Ok(ReportCommands.SaveDraft(r ?? Started(), SelfOwned, Supervision, answers, null, BoardOf(SelfOwned), at ?? At(2023, 9, 2)));

    public static SubmissionOutcome Submitted(string key = "send-1") =>
        Ok(ReportCommands.Submit(Saved(Complete), SelfOwned, Supervision, key, null, BoardOf(SelfOwned), At(2023, 10, 20)));
}
