using System.Buffers.Binary;
using System.IO.Compression;
using Google.Protobuf;

namespace OrleansTilsyn.Gateway.Tests.Infrastructure;

/// <summary>Builds and parses gRPC length-prefixed frames, independently of the server's code.</summary>
public static class Frames
{
    public static byte[] Message(IMessage message) => Frame(0, message.ToByteArray());

    public static byte[] Frame(byte flags, byte[] payload) => Frame(flags, payload, payload.Length);

    /// <summary>A frame whose header may claim a different length than the payload it carries.</summary>
    public static byte[] Frame(byte flags, byte[] payload, int declaredLength)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)declaredLength);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>Splits a response body into frames; fails the test if the body is not whole frames.</summary>
    public static List<(byte Flags, byte[] Payload)> Parse(byte[] body)
    {
        var frames = new List<(byte, byte[])>();
        var offset = 0;
        while (offset < body.Length)
        {
            Assert.True(body.Length - offset >= 5, "response ends inside a frame header");
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(offset + 1));
            Assert.True(body.Length - offset - 5 >= length, "response ends inside a frame");
            frames.Add((body[offset], body.AsSpan(offset + 5, length).ToArray()));
            offset += 5 + length;
        }

        return frames;
    }
}
