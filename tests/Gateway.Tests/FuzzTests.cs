using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Google.Protobuf;
using OrleansTilsyn.Gateway.Grpc;
using Xunit.Abstractions;

namespace OrleansTilsyn.Gateway.Tests;

/// <summary>Random bodies, frames and headers for a few seconds: every answer must be a well-formed
/// response of the caller's protocol, and the server must keep serving afterwards.</summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);
    private const int MaxCallsPerWorker = 1500;

    private static readonly string[] Paths =
    [
        "/test.echo.v1.EchoService/Echo",
        "/test.echo.v1.EchoService/Fail",
        "/test.echo.v1.EchoService/Chat",
        "/test.echo.v1.EchoService/Count",
        "/grpc.health.v1.Health/Check",
        "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
        "/test.echo.v1.EchoService/Missing",
    ];

    [Fact]
    public async Task RandomRequestsAlwaysGetWellFormedAnswers()
    {
        await using var server = await GatewayTestServer.StartAsync(options => options.MaxReceiveMessageSize = 4096);
        var seed = int.TryParse(Environment.GetEnvironmentVariable("TILSYN_FUZZ_SEED"), out var given) ? given : Environment.TickCount;
        output.WriteLine($"seed {seed} (repeat a run with TILSYN_FUZZ_SEED={seed})");

        var workers = Enumerable.Range(0, 4).Select(i => RunWorkerAsync(server, new Random(seed + i))).ToArray();
        var calls = (await Task.WhenAll(workers)).Sum();
        output.WriteLine($"{calls} calls");

        var echo = await server.Client.CallAsync(Paths[0], new EchoRequest { Message = "still alive" });
        Assert.Equal("still alive", echo.Single(EchoReply.Parser).Message);
        Assert.DoesNotContain(
            server.Logs.Entries,
            e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error && e.Exception?.Message != TestEcho.SecretDetail && e.Exception is not ArgumentOutOfRangeException);
    }

    private static async Task<int> RunWorkerAsync(GatewayTestServer server, Random random)
    {
        var clock = Stopwatch.StartNew();
        var calls = 0;
        while (clock.Elapsed < Budget && calls < MaxCallsPerWorker)
        {
            calls++;
            var path = Paths[random.Next(Paths.Length)];
            var body = RandomBody(random);
            switch (random.Next(4))
            {
                case 0:
                    AssertNative(await server.Client.CallAsync(path, body, r => RandomHeaders(r, random)));
                    break;
                case 1:
                    AssertWeb(await server.Client.CallWebAsync(path, body, configure: r => RandomHeaders(r, random)));
                    break;
                case 2:
                    AssertWeb(await server.Client.CallWebAsync(path, body, GrpcTestClient.GrpcWebText, r => RandomHeaders(r, random)));
                    break;
                default:
                    AssertJson(await server.Client.PostJsonAsync(path, RandomJson(random), r => RandomHeaders(r, random)));
                    break;
            }
        }

        return calls;
    }

    private static byte[] RandomBody(Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                return RandomBytes(random, random.Next(0, 64));
            case 1:
                return Frames.Frame(0, RandomBytes(random, random.Next(0, 64)));
            case 2:
                return Frames.Frame((byte)random.Next(256), RandomBytes(random, random.Next(0, 32)), random.Next(0, 10_000));
            case 3:
                var valid = Frames.Message(new EchoRequest { Message = "fuzz", Payload = ByteString.CopyFrom(RandomBytes(random, 16)) });
                valid[random.Next(5, valid.Length)] ^= (byte)(1 << random.Next(8));
                return valid;
            case 4:
                return Frames.Concat(Frames.Message(new CountRequest { Count = random.Next(0, 5) }), RandomBytes(random, random.Next(0, 8)));
            default:
                return Frames.Frame(1, Frames.Gzip(RandomBytes(random, random.Next(0, 64))));
        }
    }

    private static string RandomJson(Random random) => random.Next(4) switch
    {
        0 => "{}",
        1 => """{"message":"fuzz","count":2}""",
        2 => new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => "{}[]\":,0a-e \\"[random.Next(13)]).ToArray()),
        _ => System.Text.Encoding.Latin1.GetString(RandomBytes(random, random.Next(0, 40))),
    };

    private static void RandomHeaders(HttpRequestMessage request, Random random)
    {
        // Every call gets a deadline, so that a random request to a streaming method cannot run long.
        request.Headers.TryAddWithoutValidation("grpc-timeout", random.Next(3) == 0 ? "bogus" : $"{random.Next(50, 500)}m");
        if (random.Next(3) == 0)
        {
            request.Headers.TryAddWithoutValidation("grpc-encoding", random.Next(2) == 0 ? "gzip" : "snappy");
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static void AssertNative(GrpcResult result)
    {
        Assert.Equal(HttpStatusCode.OK, result.Response.StatusCode);
        Assert.True(Enum.IsDefined(result.Status!.Value), $"status {result.Status}");
    }

    private static void AssertWeb(GrpcResult result)
    {
        Assert.Equal(HttpStatusCode.OK, result.Response.StatusCode);
        Assert.True(Enum.IsDefined(result.Status!.Value), $"status {result.Status}");
    }

    private static void AssertJson(GrpcResult result)
    {
        Assert.Contains(result.HttpStatus, new[] { 200, 400, 404, 409, 415, 429, 500, 501, 503, 504 });
        foreach (var line in result.BodyText.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var _ = JsonDocument.Parse(line);
        }
    }
}
