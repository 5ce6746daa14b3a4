using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests.Domain;

/// <summary>
/// Malformed input to the tilsyn.v1 methods of a gateway with the real domain services: truncated frames,
/// lengths larger than the body, wrong field types, impossible values, oversized strings and messages.
/// Each is answered with a status, no handler fails unexpectedly, the gateway keeps serving and nothing
/// stored changes.
/// </summary>
public sealed class MalformedDomainInputTests(DomainGatewayFixture fixture) : IClassFixture<DomainGatewayFixture>
{
    private const string Schedule = "/tilsyn.v1.Loops/ScheduleConversation";
    private const string GetLoop = "/tilsyn.v1.Loops/GetLoop";
    private const string Submit = "/tilsyn.v1.Loops/SubmitConversationRecord";
    private const string AddStatement = "/tilsyn.v1.Loops/AddBoardStatement";
    private const string Import = "/tilsyn.v1.Units/ImportUnits";
    private const string ListUnits = "/tilsyn.v1.Units/ListUnits";
    private const string Conversation = "units/strandens-dagtilbud/loop/conversations/2026-Spring";

    private DomainGateway Gateway => fixture.Gateway;

    private static byte[] ValidSchedule() => new ScheduleConversationRequest
    {
        Name = Conversation,
        ScheduledFor = Timestamp.FromDateTimeOffset(DomainGateway.Start.AddDays(3)),
        RequestId = "malformed",
    }.ToByteArray();

    /// <summary>A protobuf field written by hand: tag, then the raw bytes given.</summary>
    private static byte[] Field(int number, int wireType, params byte[] raw) => [.. Varint((uint)((number << 3) | wireType)), .. raw];

    private static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7f);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }

    private static byte[] Text(int number, byte[] utf8) => Field(number, 2, [.. Varint((ulong)utf8.Length), .. utf8]);

    public static TheoryData<string, string, byte[], string, StatusCode> Cases()
    {
        var valid = ValidSchedule();
        return new()
        {
            { "truncated frame", Schedule, Frames.Frame(0, valid)[..(valid.Length / 2)], "chief", StatusCode.Internal },
            { "length larger than the body", Schedule, Frames.Frame(0, valid, valid.Length + 100), "chief", StatusCode.Internal },
            { "length far larger than the limit", Schedule, Frames.Frame(0, valid, 100_000_000), "chief", StatusCode.ResourceExhausted },
            { "varint where the name string belongs", GetLoop, Frames.Frame(0, Field(1, 0, 5)), "chief", StatusCode.InvalidArgument },
            { "string where the timestamp message belongs", Schedule, Frames.Frame(0, [.. Text(1, Encoding.UTF8.GetBytes(Conversation)), .. Text(2, Encoding.UTF8.GetBytes("i morgen kl. 10"))]), "chief", StatusCode.Internal },
            { "timestamp out of range", Schedule, Frames.Message(new ScheduleConversationRequest { Name = Conversation, ScheduledFor = new Timestamp { Seconds = long.MaxValue, Nanos = -5 } }), "chief", StatusCode.InvalidArgument },
            { "length of a string beyond the message", GetLoop, Frames.Frame(0, Field(1, 2, [.. Varint(1_000_000), 0x61, 0x62])), "chief", StatusCode.Internal },
            { "invalid UTF-8 in the name", GetLoop, Frames.Frame(0, Text(1, [0xff, 0xfe, 0xfd])), "chief", StatusCode.InvalidArgument },
            { "a name of a megabyte", GetLoop, Frames.Message(new GetLoopRequest { Name = "units/" + new string('a', 1 << 20) + "/loop" }), "chief", StatusCode.InvalidArgument },
            { "a page token of 100 kB", ListUnits, Frames.Message(new ListUnitsRequest { PageToken = new string('z', 100_000) }), "administration", StatusCode.InvalidArgument },
            { "minutes with a 3 MB decision", Submit, Frames.Message(new SubmitConversationRecordRequest { Name = Conversation, Record = new ConversationRecordContent { Decision = new string('d', 3 << 20), DecisionKind = DecisionKind.NextSteps } }), "chief", StatusCode.FailedPrecondition },
            { "a board statement over 20000 characters", AddStatement, Frames.Message(new AddBoardStatementRequest { Parent = Conversation, Text = new string('s', 20_001) }), "leader", StatusCode.InvalidArgument },
            { "a CSV file of 3 MB of noise", Import, Frames.Message(new ImportUnitsRequest { CsvContent = string.Concat(Enumerable.Repeat("x;\"y\n", 3 << 18)) }), "administration", StatusCode.InvalidArgument },
            { "a message over the 4 MB limit", Import, Frames.Message(new ImportUnitsRequest { CsvContent = new string('c', 5 << 20) }), "administration", StatusCode.ResourceExhausted },
            { "an unknown enum number", ListUnits, Frames.Frame(0, Field(3, 0, 77)), "administration", StatusCode.InvalidArgument },
        };
    }

    [Theory]
    [MemberData(nameof(Cases), DisableDiscoveryEnumeration = true)]
    public async Task MalformedRequestIsAnsweredAndChangesNothing(string description, string path, byte[] body, string caller, StatusCode expected)
    {
        var before = await StateSnapshot.TakeAsync(Gateway);

        var result = await Gateway.CallAsync(path, body, TokenOf(caller));

        Assert.True(result.Status == expected, $"{description}: {result.Status} {result.StatusMessage}");
        Assert.Equal("SERVING", await Gateway.HealthAsync());
        Assert.Equal(before, await StateSnapshot.TakeAsync(Gateway));
        Assert.Empty(Gateway.HandlerFailures);
    }

    public static TheoryData<string, string, string> JsonCases() => new()
    {
        { "a number where the name belongs", GetLoop, """{"name": 12}""" },
        { "a word where a timestamp belongs", Schedule, $$"""{"name": "{{Conversation}}", "scheduledFor": "i morgen"}""" },
        { "a word where a page size belongs", ListUnits, """{"pageSize": "mange"}""" },
        { "an array where an object belongs", Submit, $$"""{"name": "{{Conversation}}", "record": [1, 2, 3]}""" },
        { "an unknown enum name", ListUnits, """{"sector": "SECTOR_VUGGESTUE"}""" },
        { "truncated JSON", Schedule, """{"name": "units/strandens""" },
    };

    [Theory]
    [MemberData(nameof(JsonCases))]
    public async Task MalformedJsonIsA400WithAStatusBodyAndChangesNothing(string description, string path, string json)
    {
        var before = await StateSnapshot.TakeAsync(Gateway);
        var token = path == ListUnits ? Gateway.Administration : Gateway.Chief();

        var result = await Gateway.Client.PostJsonAsync(path, json, r => r.Headers.TryAddWithoutValidation("authorization", $"Bearer {token}"));

        Assert.True(result.HttpStatus == 400, $"{description}: {result.HttpStatus} {result.BodyText}");
        using var status = System.Text.Json.JsonDocument.Parse(result.BodyText);
        Assert.Equal((int)StatusCode.InvalidArgument, status.RootElement.GetProperty("code").GetInt32());
        Assert.Equal(before, await StateSnapshot.TakeAsync(Gateway));
        Assert.Empty(Gateway.HandlerFailures);
    }

    [Fact]
    public async Task BrokenGrpcWebTextIsAnsweredAndTheGatewayKeepsServing()
    {
        var before = await StateSnapshot.TakeAsync(Gateway);
        var token = Gateway.Chief();

        var result = await Gateway.Client.PostHttp1Async(GetLoop, Encoding.ASCII.GetBytes("AAAAAB!!not-base64"), GrpcTestClient.GrpcWebText,
            r => r.Headers.TryAddWithoutValidation("authorization", $"Bearer {token}"));

        Assert.Equal(200, result.HttpStatus);
        Assert.NotEqual("0", result.Header("grpc-status") ?? result.Field("grpc-status"));
        Assert.Equal(before, await StateSnapshot.TakeAsync(Gateway));
        Assert.Equal("SERVING", await Gateway.HealthAsync());
    }

    private string TokenOf(string caller) => caller switch
    {
        "chief" => Gateway.Chief(),
        "leader" => Gateway.Leader("strandens-dagtilbud"),
        _ => Gateway.Administration,
    };
}
