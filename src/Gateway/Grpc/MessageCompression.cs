using System.IO.Compression;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>The message encodings (grpc-encoding) the server can decompress.</summary>
internal static class MessageCompression
{
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string Identity = "identity";

    /// <summary>Advertised in <c>grpc-accept-encoding</c>.</summary>
    public const string Supported = "identity,gzip,deflate";

    public static bool IsSupported(string encoding) => encoding is Identity or "gzip" or "deflate";

    /// <summary>Decompresses a message; throws RESOURCE_EXHAUSTED past <paramref name="maxSize"/> bytes
    /// (guards against compression bombs) and INTERNAL for corrupt data.</summary>
    public static byte[] Decompress(string encoding, byte[] compressed, int? maxSize)
    {
        using var input = new MemoryStream(compressed, writable: false);
        using Stream decompressor = encoding switch
        {
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            "deflate" => new ZLibStream(input, CompressionMode.Decompress),
            _ => throw new ArgumentException($"Unsupported encoding '{encoding}'.", nameof(encoding)),
        };

        using var output = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = decompressor.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, read);
                if (maxSize is { } max && output.Length > max)
                {
                    throw new GrpcStatusException(
                        StatusCode.ResourceExhausted,
                        $"Received message exceeds the maximum configured message size ({max} bytes) after decompression.");
                }
            }
        }
        catch (InvalidDataException)
        {
            throw GrpcErrors.Internal($"Failed to decompress a message with encoding '{encoding}'.");
        }

        return output.ToArray();
    }
}
