using System.Buffers;
using System.Buffers.Text;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>The base64 text encoding of gRPC-Web. A body may be several padded base64 chunks
/// joined together, so padding may appear in the middle.</summary>
internal static class GrpcWebText
{
    public static byte[] Decode(ReadOnlySpan<byte> text)
    {
        var compact = new byte[text.Length];
        var length = 0;
        foreach (var b in text)
        {
            if (b is not ((byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
            {
                compact[length++] = b;
            }
        }

        if (length % 4 != 0)
        {
            throw GrpcErrors.Internal("The grpc-web-text request body is not valid base64.");
        }

        var output = new byte[length / 4 * 3];
        var written = 0;
        var start = 0;
        while (start < length)
        {
            // A run of 4-character groups that ends at the first group carrying padding.
            var end = start;
            while (end < length)
            {
                var padded = compact[end + 3] == (byte)'=';
                end += 4;
                if (padded)
                {
                    break;
                }
            }

            var status = Base64.DecodeFromUtf8(compact.AsSpan(start, end - start), output.AsSpan(written), out _, out var bytesWritten);
            if (status != OperationStatus.Done)
            {
                throw GrpcErrors.Internal("The grpc-web-text request body is not valid base64.");
            }

            written += bytesWritten;
            start = end;
        }

        return output[..written];
    }

    /// <summary>Writes <paramref name="bytes"/> as one padded base64 chunk.</summary>
    public static void Encode(IBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        var encodedLength = Base64.GetMaxEncodedToUtf8Length(bytes.Length);
        var span = writer.GetSpan(encodedLength);
        Base64.EncodeToUtf8(bytes, span, out _, out var written);
        writer.Advance(written);
    }
}
