using System.Net.Http.Headers;
using System.Text;
using Google.Protobuf;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests.Infrastructure;

/// <summary>A finished call as a client sees it: HTTP status, headers, message frames and gRPC status
/// (from HTTP/2 trailers, a gRPC-Web trailer frame, or the headers of a trailers-only response).</summary>
public sealed class GrpcResult
{
    public GrpcResult(HttpResponseMessage response, byte[] body, bool web, bool text)
    {
        Response = response;
        RawBody = body;
        Body = text ? DecodeWebText(body) : body;
        var frames = Body.Length > 0 && !IsJson ? Frames.Parse(Body) : [];
        Messages = frames.Where(f => (f.Flags & 0x80) == 0).Select(f => f.Payload).ToList();
        var trailerFrames = frames.Where(f => (f.Flags & 0x80) != 0).ToList();
        if (web && trailerFrames.Count > 0)
        {
            Assert.Single(trailerFrames);
            Assert.Equal(0x80, frames[^1].Flags);
            Trailers = ParseTrailerBlock(trailerFrames[0].Payload);
        }
        else
        {
            Trailers = response.TrailingHeaders.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        }

        TrailersOnly = response.Headers.Contains("grpc-status");
    }

    public HttpResponseMessage Response { get; }

    public int HttpStatus => (int)Response.StatusCode;

    public byte[] RawBody { get; }

    public byte[] Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    public bool IsJson => Response.Content.Headers.ContentType?.MediaType is "application/json" or "application/x-ndjson";

    public IReadOnlyList<byte[]> Messages { get; }

    public IReadOnlyDictionary<string, string> Trailers { get; }

    /// <summary>The status came in the response headers, with no body.</summary>
    public bool TrailersOnly { get; }

    /// <summary>From grpc-status, or for a JSON error the <c>code</c> of its google.rpc.Status body.</summary>
    public StatusCode? Status => Field("grpc-status") is { } value ? (StatusCode)int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
        : IsJson && HttpStatus >= 400 && JsonCode() is { } code ? (StatusCode)code : null;

    private int? JsonCode()
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(Body);
            return json.RootElement.TryGetProperty("code", out var code) ? code.GetInt32() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public string? StatusMessage => Field("grpc-message") is { } value ? Uri.UnescapeDataString(value) : null;

    public string? ContentType => Response.Content.Headers.ContentType?.MediaType;

    public string? Header(string name) =>
        Response.Headers.TryGetValues(name, out var values) || Response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;

    /// <summary>A status field from the trailers, or from the headers of a trailers-only response.</summary>
    public string? Field(string name) => Trailers.TryGetValue(name, out var value) ? value : Header(name);

    public T Single<T>(MessageParser<T> parser)
        where T : IMessage<T> => parser.ParseFrom(Assert.Single(Messages));

    public List<T> All<T>(MessageParser<T> parser)
        where T : IMessage<T> => Messages.Select(m => parser.ParseFrom(m)).ToList();

    public Google.Rpc.Status? StatusDetails() =>
        Field("grpc-status-details-bin") is { } value ? Google.Rpc.Status.Parser.ParseFrom(Base64(value)) : null;

    public static byte[] Base64(string unpadded) => Convert.FromBase64String(unpadded.PadRight((unpadded.Length + 3) / 4 * 4, '='));

    private static Dictionary<string, string> ParseTrailerBlock(byte[] block)
    {
        var trailers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var text = Encoding.ASCII.GetString(block);
        Assert.EndsWith("\r\n", text);
        foreach (var line in text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            Assert.True(colon > 0, $"bad trailer line '{line}'");
            trailers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return trailers;
    }

    /// <summary>Decodes base64 text that may be several individually padded chunks.</summary>
    private static byte[] DecodeWebText(byte[] body)
    {
        var text = new string(Encoding.ASCII.GetString(body).Where(c => !char.IsWhiteSpace(c)).ToArray());
        var output = new List<byte>();
        foreach (var chunk in System.Text.RegularExpressions.Regex.Matches(text, "[^=]+=*").Select(m => m.Value))
        {
            output.AddRange(Convert.FromBase64String(chunk.PadRight((chunk.Length + 3) / 4 * 4, '=')));
        }

        return output.ToArray();
    }
}

internal static class HeaderExtensions
{
    public static string? Value(this HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
