using Microsoft.AspNetCore.Http;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>Converts between HTTP headers and <see cref="Metadata"/>.</summary>
internal static class MetadataCodec
{
    private static readonly HashSet<string> ProtocolHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-type", "content-length", "te", "host", "connection", "transfer-encoding", "keep-alive",
        GrpcTimeout.HeaderName, MessageCompression.EncodingHeader, MessageCompression.AcceptEncodingHeader,
    };

    /// <summary>Custom request metadata; binary values are base64-decoded (padded or not).</summary>
    public static Metadata FromRequestHeaders(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            if (name.StartsWith(':') || ProtocolHeaders.Contains(name))
            {
                continue;
            }

            var key = name.ToLowerInvariant();
            foreach (var value in values)
            {
                if (value is null)
                {
                    continue;
                }

                if (Metadata.IsBinaryKey(key))
                {
                    foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        metadata.AddUnchecked(new Metadata.Entry(key, null, DecodeBase64(part, key)));
                    }
                }
                else
                {
                    metadata.AddUnchecked(new Metadata.Entry(key, value, null));
                }
            }
        }

        return metadata;
    }

    /// <summary>The header value for an entry: binary values as unpadded base64.</summary>
    public static string ToHeaderValue(Metadata.Entry entry) =>
        entry.ValueBytes is { } bytes ? ToUnpaddedBase64(bytes) : entry.Value!;

    public static string ToUnpaddedBase64(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    public static byte[] DecodeBase64(string value, string key)
    {
        var padded = (value.Length % 4) switch
        {
            2 => value + "==",
            3 => value + "=",
            _ => value,
        };

        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            throw GrpcErrors.Internal($"Binary metadata '{key}' is not valid base64.");
        }
    }
}
