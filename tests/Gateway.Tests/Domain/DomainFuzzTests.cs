using System.Diagnostics;
using Google.Protobuf;
using OrleansTilsyn.Gateway.Api;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;
using Xunit.Abstractions;

namespace OrleansTilsyn.Gateway.Tests.Domain;

/// <summary>
/// Random bytes to every tilsyn.v1 method of a gateway with the real domain services, for a bounded time
/// with a fixed seed: unframed noise, frames of noise, and frames of random protobuf fields (valid tags
/// with random values, so requests get past the parser into the handlers), sent by every role. Every
/// call ends with a status, no handler fails unexpectedly, the gateway keeps serving and nothing stored
/// changes.
/// </summary>
public sealed class DomainFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20_261_122;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(4);
    private const int Workers = 4;

    private static readonly string[] Methods = [.. TilsynApi.Methods.Select(m => $"/{m.Service.FullName}/{m.Name}")];

    private static readonly string[] Words =
    [
        "units/strandens-dagtilbud", "units/strandens-dagtilbud/loop", "units/strandens-dagtilbud/loop/conversations/2026-Spring",
        "units/dt-havbrisen/loop/boardReports/2026", "chiefs/bu-chef-1", "areas/0-6/loops/2025/themes", "sectors/skole", "wheelConfigs/fu",
        "2026-Spring", "units/../loop", "", "\u0000", "💥", "units/strandens-dagtilbud/tasks/ScheduleConversation~2026-Spring~Chief",
    ];

    [Fact]
    public async Task RandomBytesToEveryMethodAreAnsweredAndChangeNothing()
    {
        await using var gateway = await DomainGateway.StartAsync();
        string[] tokens =
        [
            gateway.Administration, gateway.Administration, gateway.Chief(), gateway.Chief(), gateway.Leader("strandens-dagtilbud"),
            gateway.Token(CallerRole.Board, "bestyrelse-dt-havbrisen", "dt-havbrisen"), gateway.Token(CallerRole.Operations, "drift-1"),
        ];
        var before = await StateSnapshot.TakeAsync(gateway);

        var counts = await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => RunAsync(gateway, tokens, new Random(Seed + w), w)));
        var statuses = counts.SelectMany(c => c).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"seed {Seed}: {statuses.Values.Sum()} calls; {string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value}"))}");
        var errors = gateway.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).ToList();
        foreach (var error in errors.Take(20)) output.WriteLine($"{error.Level} {error.Category}: {error.Message} {error.Exception?.GetType().Name}");

        Assert.Equal("SERVING", await gateway.HealthAsync());
        Assert.Equal(before, await StateSnapshot.TakeAsync(gateway));
        Assert.Empty(gateway.HandlerFailures);
        Assert.DoesNotContain(errors, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.True(statuses.Values.Sum() >= Methods.Length, "every method was called");
    }

    private static async Task<List<StatusCode>> RunAsync(DomainGateway gateway, string[] tokens, Random random, int worker)
    {
        var clock = Stopwatch.StartNew();
        var statuses = new List<StatusCode>();
        for (var i = worker; clock.Elapsed < Budget || i < Methods.Length; i += Workers)
        {
            var path = Methods[i % Methods.Length];
            var body = (i / Methods.Length % 3) switch
            {
                0 => Bytes(random, random.Next(0, 48)),
                1 => Frames.Frame(0, Bytes(random, random.Next(0, 96))),
                _ => Frames.Frame(0, RandomFields(random)),
            };
            var result = await gateway.CallAsync(path, body, tokens[random.Next(tokens.Length)], timeout: $"{random.Next(100, 400)}m");
            Assert.Equal(200, result.HttpStatus);
            Assert.True(result.Status is { } s && Enum.IsDefined(s), $"{path}: no status");
            statuses.Add(result.Status!.Value);
        }

        return statuses;
    }

    /// <summary>1-6 protobuf fields with numbers 1-8 and random wire types and values (strings often resource names).</summary>
    private static byte[] RandomFields(Random random)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        for (var f = random.Next(1, 7); f > 0; f--)
        {
            var number = random.Next(1, 9);
            switch (random.Next(4))
            {
                case 0:
                    output.WriteTag(number, WireFormat.WireType.Varint);
                    output.WriteInt64(random.NextInt64(long.MinValue, long.MaxValue));
                    break;
                case 1:
                    output.WriteTag(number, WireFormat.WireType.LengthDelimited);
                    output.WriteString(Words[random.Next(Words.Length)]);
                    break;
                case 2:
                    output.WriteTag(number, WireFormat.WireType.LengthDelimited);
                    output.WriteBytes(ByteString.CopyFrom(Bytes(random, random.Next(0, 24))));
                    break;
                default:
                    output.WriteTag(number, WireFormat.WireType.Fixed64);
                    output.WriteFixed64((ulong)random.NextInt64());
                    break;
            }
        }

        output.Flush();
        return stream.ToArray();
    }

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
