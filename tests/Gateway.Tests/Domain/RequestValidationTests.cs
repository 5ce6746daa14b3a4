using System.Text;
using Google.Protobuf;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;

namespace OrleansTilsyn.Gateway.Tests.Domain;

/// <summary>
/// What an outside probe found: invalid UTF-8 taken as U+FFFD, ids that can never exist answered NOT_FOUND,
/// a portfolio filter answered with an empty page instead of a refusal, report answers named by template
/// position instead of the request's field. Each is refused with the request's field path, nothing stored changes.
/// </summary>
public sealed class RequestValidationTests(DomainGatewayFixture fixture) : IClassFixture<DomainGatewayFixture>
{
    private const string Conversation = "units/strandens-dagtilbud/loop/conversations/2026-Spring";

    /// <summary>Four bytes that are not UTF-8 (a lead byte without its continuation, then bytes never used).</summary>
    private static readonly byte[] NotUtf8 = [0xC3, 0x28, 0xFF, 0xFE];

    private DomainGateway Gateway => fixture.Gateway;

    [Fact]
    public async Task InvalidUtf8InANestedStringIsInvalidArgumentNamingTheFieldOverNativeGrpcAndGrpcWeb()
    {
        var body = Frames.Frame(0, WithInvalidUtf8(new SubmitConversationRecordRequest
        {
            Name = Conversation,
            Record = new ConversationRecordContent
            {
                Participants = { new Participant { Name = "Leder A", Function = "leder" }, new Participant { Name = "ZQZQ", Function = "pædagog" } },
                DataPoints = { "ok", "XJXJ" },
            },
        }));
        var before = await StateSnapshot.TakeAsync(Gateway);

        var native = await Gateway.CallAsync("/tilsyn.v1.Loops/SubmitConversationRecord", body, Gateway.Chief());
        var web = await Gateway.Client.CallWebAsync("/tilsyn.v1.Loops/SubmitConversationRecord", body,
            configure: r => r.Headers.TryAddWithoutValidation("authorization", $"Bearer {Gateway.Chief()}"));

        Assert.Equal(["record.participants[1].name", "record.data_points[1]"], Violations(native, StatusCode.InvalidArgument));
        Assert.Equal(["record.participants[1].name", "record.data_points[1]"], Violations(web, StatusCode.InvalidArgument));
        Assert.Equal(before, await StateSnapshot.TakeAsync(Gateway));
    }

    [Fact]
    public async Task InvalidUtf8InAJsonBodyIsA400AndStoresNothing()
    {
        var json = Encoding.UTF8.GetBytes($$"""{"parent": "{{Conversation}}", "text": "Bestyrelsen ZQZQ"}""");
        var body = Replace(json, "ZQZQ"u8.ToArray(), NotUtf8);
        var before = await StateSnapshot.TakeAsync(Gateway);
        var token = Gateway.Token(CallerRole.Board, "bestyrelse-strandens-dagtilbud", "strandens-dagtilbud");

        var result = await Gateway.Client.PostHttp1Async("/tilsyn.v1.Loops/AddBoardStatement", body, GrpcTestClient.Json,
            r => r.Headers.TryAddWithoutValidation("authorization", $"Bearer {token}"));

        Assert.Equal(400, result.HttpStatus);
        using var status = System.Text.Json.JsonDocument.Parse(result.BodyText);
        Assert.Equal((int)StatusCode.InvalidArgument, status.RootElement.GetProperty("code").GetInt32());
        Assert.Equal(before, await StateSnapshot.TakeAsync(Gateway));
    }

    public static TheoryData<string, IMessage, string, string> IdsBreakingTheRules() => new()
    {
        { "/tilsyn.v1.Units/GetUnit", new GetUnitRequest { Name = "units/Ødegårdsskolen" }, "administration", "name" },
        { "/tilsyn.v1.Loops/GetLoop", new GetLoopRequest { Name = "units/-strandens/loop" }, "administration", "name" },
        { "/tilsyn.v1.Loops/GetConversation", new GetConversationRequest { Name = "units/strandens dagtilbud/loop/conversations/2026-Spring" }, "chief", "name" },
        { "/tilsyn.v1.Units/ListUnits", new ListUnitsRequest { Chief = "chiefs/bu chef 1" }, "administration", "chief" },
        { "/tilsyn.v1.Inbox/ListTasks", new ListTasksRequest { Parent = "units/" + new string('u', 65) }, "chief", "parent" },
        { "/tilsyn.v1.Reports/GetCase", new CaseRef { UnitId = "dt+havbrisen", Year = 2026 }, "chief", "unit_id" },
    };

    [Theory]
    [MemberData(nameof(IdsBreakingTheRules), DisableDiscoveryEnumeration = true)]
    public async Task AnIdBreakingTheIdRulesIsInvalidArgumentOnItsFieldNotNotFound(string path, IMessage request, string caller, string field)
    {
        var result = await Gateway.CallAsync(path, request, caller == "chief" ? Gateway.Chief() : Gateway.Administration);

        Assert.Equal([field], Violations(result, StatusCode.InvalidArgument));
    }

    [Fact]
    public async Task OnlyTheChiefAndTheAdministrationMayListAChiefsPortfolio()
    {
        var request = new ListUnitsRequest { Chief = "chiefs/bu-chef-1" };

        var administration = await Gateway.CallAsync("/tilsyn.v1.Units/ListUnits", request, Gateway.Administration);
        var chief = await Gateway.CallAsync("/tilsyn.v1.Units/ListUnits", request, Gateway.Chief("bu-chef-1"));
        var otherChief = await Gateway.CallAsync("/tilsyn.v1.Units/ListUnits", request, Gateway.Chief("bu-chef-2"));
        var leaderInThePortfolio = await Gateway.CallAsync("/tilsyn.v1.Units/ListUnits", request, Gateway.Leader("strandens-dagtilbud"));
        var board = await Gateway.CallAsync("/tilsyn.v1.Units/ListUnits", request,
            Gateway.Token(CallerRole.Board, "bestyrelse-dt-havbrisen", "dt-havbrisen"));

        Assert.True(administration.Single(ListUnitsResponse.Parser).TotalSize > 0);
        Assert.Equal(administration.Single(ListUnitsResponse.Parser).TotalSize, chief.Single(ListUnitsResponse.Parser).TotalSize);
        Assert.Equal(
            [StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.PermissionDenied],
            [otherChief.Status, leaderInThePortfolio.Status, board.Status]);
    }

    [Fact]
    public async Task AChiefFilteringTheInboxByAUnitOutsideThePortfolioIsDeniedNotGivenAnEmptyPage()
    {
        var own = await Gateway.CallAsync("/tilsyn.v1.Inbox/ListTasks",
            new ListTasksRequest { Parent = "chiefs/bu-chef-1", Filter = new TaskFilter { Unit = "units/strandens-dagtilbud" } }, Gateway.Chief("bu-chef-1"));
        var foreign = await Gateway.CallAsync("/tilsyn.v1.Inbox/ListTasks",
            new ListTasksRequest { Parent = "chiefs/bu-chef-2", Filter = new TaskFilter { Unit = "units/strandens-dagtilbud" } }, Gateway.Chief("bu-chef-2"));

        Assert.Equal(StatusCode.OK, own.Status);
        Assert.Equal(StatusCode.PermissionDenied, foreign.Status);
    }

    [Fact]
    public async Task DraftViolationsNameTheRequestsAnswersNotTheTemplatesQuestions()
    {
        const string report = "dt-havbrisen/tilsyn/2026";
        var board = Gateway.Token(CallerRole.Board, "bestyrelse-dt-havbrisen", "dt-havbrisen");
        await Gateway.OkAsync("/tilsyn.v1.Reports/StartReport", new StartReportRequest { ReportId = report }, board, WrittenReport.Parser);
        var request = new SaveDraftRequest
        {
            ReportId = report,
            Answers =
            {
                new Answer { Question = "b3", Yes = true },
                new Answer { Question = "k4", Choice = "maaske" },
                new Answer { Question = "b1", Text = "ja" },
                new Answer { Question = "x9", Yes = true },
            },
        };

        var result = await Gateway.CallAsync("/tilsyn.v1.Reports/SaveDraft", request, board);

        Assert.Equal(["answers[1].choice", "answers[2].text", "answers[3].question"], Violations(result, StatusCode.InvalidArgument).Order());
    }

    private static List<string> Violations(GrpcResult result, StatusCode expected)
    {
        Assert.True(result.Status == expected, $"{result.Status} {result.StatusMessage}");
        var details = Assert.IsType<Google.Rpc.Status>(result.StatusDetails());
        return [.. Assert.Single(details.Details).Unpack<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field)];
    }

    /// <summary>The message's bytes with each placeholder (ZQZQ, XJXJ) replaced by four bytes that are not UTF-8.</summary>
    private static byte[] WithInvalidUtf8(IMessage message) =>
        Replace(Replace(message.ToByteArray(), "ZQZQ"u8.ToArray(), NotUtf8), "XJXJ"u8.ToArray(), NotUtf8);

    private static byte[] Replace(byte[] bytes, byte[] placeholder, byte[] replacement)
    {
        var at = bytes.AsSpan().IndexOf(placeholder);
        Assert.True(at >= 0, "placeholder in the message");
        var copy = bytes.ToArray();
        replacement.CopyTo(copy, at);
        return copy;
    }
}
