using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>The gRPC length-prefixed message: a flag byte (bit 0 compressed, bit 7 gRPC-Web trailers)
/// then a 4-byte big-endian length.</summary>
internal static class MessageFrame
{
    public const int HeaderSize = 5;
    public const byte CompressedFlag = 0x01;
    public const byte TrailersFlag = 0x80;

    public static void WriteHeader(Span<byte> destination, byte flags, int length)
    {
        destination[0] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)length);
    }

    /// <summary>Writes an uncompressed message frame of a message whose size is already known.</summary>
    public static void WriteMessage(IBufferWriter<byte> writer, IMessage message, int size)
    {
        var span = writer.GetSpan(HeaderSize + size);
        WriteHeader(span, 0, size);
        message.WriteTo(span.Slice(HeaderSize, size));
        writer.Advance(HeaderSize + size);
    }
}
