using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Api;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Grains.Domain.Limits;

namespace OrleansTilsyn.Gateway.Tests.Domain;

/// <summary>
/// Collections users grow, filled to their caps with texts of their maximum length (in characters of
/// three UTF-8 bytes, the most a character of a string's length costs), read back through a real client:
/// every page of the list method and the reads that embed them. One more is refused.
/// </summary>
public sealed class CollectionLimitTests(DomainGatewayFixture fixture) : IClassFixture<DomainGatewayFixture>
{
    private const string Unit = "strandens-dagtilbud";
    private const string SpringConversation = $"units/{Unit}/loop/conversations/2026-Spring";
    private const char Widest = '€';

    private DomainGateway Gateway => fixture.Gateway;

    private static int SendLimit => new GrpcGatewayOptions().MaxSendMessageSize ?? int.MaxValue;

    private static string Text(int length, string prefix = "") => prefix + new string(Widest, length - prefix.Length);

    private static string Statement(int i) => Text(TextLimits.Statement, $"{i:D2} ");

    [Fact]
    public async Task BoardStatementsFillTheirCapAndEveryPageAndTheAgendaReadThemBack()
    {
        var leader = Gateway.Leader(Unit);
        for (var i = 0; i < CollectionLimits.BoardStatementsPerConversation; i++)
            await Gateway.OkAsync("/tilsyn.v1.Loops/AddBoardStatement", new AddBoardStatementRequest { Parent = SpringConversation, Text = Statement(i) }, leader, BoardStatement.Parser);

        var refused = await Gateway.CallAsync("/tilsyn.v1.Loops/AddBoardStatement", new AddBoardStatementRequest { Parent = SpringConversation, Text = "Én udtalelse mere." }, leader);
        Assert.Equal(StatusCode.FailedPrecondition, refused.Status);
        var failure = Assert.Single(refused.StatusDetails()!.Details).Unpack<Google.Rpc.PreconditionFailure>();
        Assert.Equal(SpringConversation, Assert.Single(failure.Violations).Subject);

        var pages = new List<ListBoardStatementsResponse>();
        var token = "";
        do
        {
            var page = await Gateway.OkAsync("/tilsyn.v1.Loops/ListBoardStatements",
                new ListBoardStatementsRequest { Parent = SpringConversation, PageSize = 7, PageToken = token }, leader, ListBoardStatementsResponse.Parser);
            pages.Add(page);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        Assert.Equal([7, 7, 6], pages.Select(p => p.Statements.Count));
        Assert.All(pages, p => Assert.Equal(CollectionLimits.BoardStatementsPerConversation, p.TotalSize));
        Assert.Equal(Enumerable.Range(0, CollectionLimits.BoardStatementsPerConversation).Select(Statement), pages.SelectMany(p => p.Statements).Select(s => s.Text));

        var all = await Gateway.OkAsync("/tilsyn.v1.Loops/ListBoardStatements", new ListBoardStatementsRequest { Parent = SpringConversation }, leader, ListBoardStatementsResponse.Parser);
        Assert.Equal((CollectionLimits.BoardStatementsPerConversation, ""), (all.Statements.Count, all.NextPageToken));

        var agenda = await Gateway.OkAsync("/tilsyn.v1.Loops/GetConversationAgenda", new GetConversationAgendaRequest { Name = SpringConversation }, Gateway.Chief(), ConversationAgenda.Parser);
        Assert.Equal(Enumerable.Range(0, CollectionLimits.BoardStatementsPerConversation).Select(Statement), agenda.BoardStatements.Select(s => s.Text));

        // The agenda's other embedded collections at their caps as well: it still fits one message.
        agenda.OpenAgreements.AddRange(Enumerable.Range(0, CollectionLimits.OpenAgreements).Select(WorstAgreement));
        agenda.FocusAreas.Clear();
        agenda.FocusAreas.AddRange(Enumerable.Range(0, 5).Select(_ => new FocusArea { ThemeCode = Text(TextLimits.Code), Title = Text(TextLimits.Name), Description = Text(TextLimits.Note) }));
        agenda.Themes.Clear();
        agenda.Themes.AddRange(Enumerable.Range(0, CollectionLimits.ThemesPerLoop).Select(_ => new PoliticalTheme { Code = Text(TextLimits.Code), Title = Text(TextLimits.Name) }));
        Assert.True(agenda.CalculateSize() < SendLimit, $"worst agenda {agenda.CalculateSize()} bytes, limit {SendLimit}");
    }

    [Fact]
    public async Task APageTokenOfAnotherConversationIsRefusedNamingTheField()
    {
        var leader = Gateway.Leader(Unit);
        var loop = await Gateway.OkAsync("/tilsyn.v1.Loops/GetLoop", new GetLoopRequest { Name = $"units/{Unit}/loop" }, leader, Loop.Parser);
        var other = loop.Conversations.First(c => c.Name != SpringConversation && c.RecordVersion == 0).Name;
        foreach (var text in new[] { "Bestyrelsen ønsker fokus på sprog.", "Og på overgange." })
            await Gateway.OkAsync("/tilsyn.v1.Loops/AddBoardStatement", new AddBoardStatementRequest { Parent = other, Text = text }, leader, BoardStatement.Parser);
        var first = await Gateway.OkAsync("/tilsyn.v1.Loops/ListBoardStatements",
            new ListBoardStatementsRequest { Parent = other, PageSize = 1 }, leader, ListBoardStatementsResponse.Parser);
        Assert.NotEmpty(first.NextPageToken);

        var foreign = await Gateway.CallAsync("/tilsyn.v1.Loops/ListBoardStatements",
            new ListBoardStatementsRequest { Parent = SpringConversation, PageSize = 1, PageToken = first.NextPageToken }, leader);

        Assert.Equal(StatusCode.InvalidArgument, foreign.Status);
        Assert.Equal("page_token", Assert.Single(Assert.Single(foreign.StatusDetails()!.Details).Unpack<Google.Rpc.BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task ListTemplatesServesAtMostTwentyAPageAndEveryPageReadsTheRest()
    {
        for (var i = 0; i < CollectionLimits.TemplatesPerPage + 3; i++)
        {
            var publish = new PublishTemplateRequest { TemplateId = $"udtalelse-{i}", Title = Text(300, $"{i} "), Kind = "BoardStatement" };
            var section = new TemplateSection { Id = "s", Title = "Bestyrelsens udtalelse" };
            section.Questions.Add(new TemplateQuestion { Id = "u1", Text = Text(2000), Kind = "Text", MaxLength = 4000 });
            publish.Sections.Add(section);
            await Gateway.OkAsync("/tilsyn.v1.Reports/PublishTemplate", publish, Gateway.Administration, ReportTemplate.Parser);
        }

        var pages = new List<ListTemplatesResponse>();
        var token = "";
        do
        {
            var page = await Gateway.OkAsync("/tilsyn.v1.Reports/ListTemplates",
                new ListTemplatesRequest { PageSize = 500, PageToken = token }, Gateway.Administration, ListTemplatesResponse.Parser);
            pages.Add(page);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(CollectionLimits.TemplatesPerPage, pages[0].Templates.Count);
        Assert.All(pages, p => Assert.InRange(p.Templates.Count, 1, CollectionLimits.TemplatesPerPage));
        var ids = pages.SelectMany(p => p.Templates).Select(t => t.Id).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Superset(Enumerable.Range(0, CollectionLimits.TemplatesPerPage + 3).Select(i => $"udtalelse-{i}").ToHashSet(), ids.ToHashSet());
    }

    [Fact]
    public void TheLargestConversationOneToOneAgendaAndAgreementsPageFitTheSendLimit()
    {
        var conversation = new Conversation { Name = Text(200), Period = "2026-Spring", BoardStatementCount = CollectionLimits.BoardStatementsPerConversation };
        conversation.Records.AddRange(Enumerable.Range(1, CollectionLimits.MinutesVersions).Select(v => new ConversationRecord
        {
            Name = Text(250), Version = v, Content = WorstMinutes(), CorrectionReason = Text(TextLimits.Note),
            Written = new Attribution { Actor = Text(150), Time = Timestamp.FromDateTimeOffset(DomainGateway.Start) },
        }));
        var oneToOne = new OneToOneAgenda { OneToOne = Text(250), DataWheel = new DataWheelPosition() };
        oneToOne.OpenAgreements.AddRange(Enumerable.Range(0, CollectionLimits.OpenAgreements).Select(WorstAgreement));

        Assert.True(conversation.CalculateSize() < SendLimit, $"worst conversation {conversation.CalculateSize()} bytes, limit {SendLimit}");
        Assert.True(oneToOne.CalculateSize() < SendLimit, $"worst 1:1 agenda {oneToOne.CalculateSize()} bytes, limit {SendLimit}");

        // ListAgreements serves at most 200 a page; a closed agreement also carries its closing note.
        var page = new ListAgreementsResponse { NextPageToken = Text(200), TotalSize = 1000 };
        page.Agreements.AddRange(Enumerable.Range(0, 200).Select(i => WorstAgreement(i).Clone()).Select(a =>
        {
            a.Status = AgreementStatus.Closed;
            a.ClosingNote = Text(TextLimits.Note);
            a.Closed = a.Created;
            return a;
        }));
        Assert.True(page.CalculateSize() < SendLimit, $"worst agreements page {page.CalculateSize()} bytes, limit {SendLimit}");
    }

    /// <summary>Minutes with every list at its cap and exactly <see cref="TextLimits.MinutesTotal"/> characters.</summary>
    private static ConversationRecordContent WorstMinutes()
    {
        var m = new ConversationRecordContent
        {
            Decision = Text(TextLimits.Entry), ClosingRemarks = Text(TextLimits.Entry), ChildrenPerspective = Text(TextLimits.Entry), DecisionKind = DecisionKind.NextSteps,
        };
        m.DataBasis.AddRange(System.Enum.GetValues<DataBasisKind>().Where(k => k != DataBasisKind.Unspecified));
        m.Participants.AddRange(Enumerable.Range(0, CollectionLimits.ParticipantsPerRecord).Select(_ => new Participant { Name = Text(TextLimits.Name), Function = Text(TextLimits.Name) }));
        m.Agreements.AddRange(Enumerable.Range(0, CollectionLimits.AgreementsPerRecord).Select(_ => new AgreementDraft { Action = Text(1000), Owner = Text(100), Due = new Date { Year = 2027, Month = 12, Day = 31 } }));
        var used = m.Participants.Sum(p => p.Name.Length + p.Function.Length) + m.Agreements.Sum(a => a.Action.Length + a.Owner.Length) + (3 * TextLimits.Entry);
        var line = (TextLimits.MinutesTotal - used) / (2 * CollectionLimits.LinesPerList);
        m.DataPoints.AddRange(Enumerable.Range(0, CollectionLimits.LinesPerList).Select(_ => Text(line)));
        m.PossibleNextSteps.AddRange(Enumerable.Range(0, CollectionLimits.LinesPerList).Select(_ => Text(line)));
        Assert.InRange(used + (2 * CollectionLimits.LinesPerList * line), TextLimits.MinutesTotal - (2 * CollectionLimits.LinesPerList), TextLimits.MinutesTotal);
        return m;
    }

    private static Agreement WorstAgreement(int i) => new()
    {
        Name = Text(250, $"{i} "), Source = Text(250), Action = Text(TextLimits.Note), Owner = Text(TextLimits.Name),
        Due = new Date { Year = 2027, Month = 12, Day = 31 }, Status = AgreementStatus.Open, PastDue = true,
        Created = new Attribution { Actor = Text(150), Time = Timestamp.FromDateTimeOffset(DomainGateway.Start) },
    };
}
