using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>Reads length-prefixed request messages from a request body, as they arrive.
/// Malformed input ends the call with a status; it never throws anything else.</summary>
internal sealed class FramedMessageReader(PipeReader body, string? requestEncoding, int? maxReceiveSize)
{
    /// <summary>The next message, or null at the end of the request body.</summary>
    public async ValueTask<IMessage?> ReadAsync(MessageDescriptor descriptor, CancellationToken cancellationToken)
    {
        var result = await body.ReadAtLeastAsync(MessageFrame.HeaderSize, cancellationToken);
        var buffer = result.Buffer;
        if (buffer.Length == 0 && result.IsCompleted)
        {
            body.AdvanceTo(buffer.End);
            return null;
        }

        if (buffer.Length < MessageFrame.HeaderSize)
        {
            body.AdvanceTo(buffer.End);
            throw GrpcErrors.Internal("Incomplete message: the request ended inside a message header.");
        }

        var (flags, length) = ReadHeader(buffer);

        // Consume and examine nothing yet: marking the header examined makes the next read wait for
        // bytes beyond those already buffered (Kestrel's HTTP/2 body), which stalls streaming calls.
        body.AdvanceTo(buffer.Start);
        ValidateHeader(flags, length);

        var frameLength = MessageFrame.HeaderSize + (int)length;
        result = await body.ReadAtLeastAsync(frameLength, cancellationToken);
        buffer = result.Buffer;
        if (buffer.Length < frameLength)
        {
            body.AdvanceTo(buffer.End);
            throw GrpcErrors.Internal($"Incomplete message: expected {length} bytes, the request ended after {buffer.Length - MessageFrame.HeaderSize}.");
        }

        var payload = buffer.Slice(MessageFrame.HeaderSize, length);
        try
        {
            return (flags & MessageFrame.CompressedFlag) != 0
                ? Parse(descriptor, new ReadOnlySequence<byte>(Decompress(payload)))
                : Parse(descriptor, payload);
        }
        finally
        {
            body.AdvanceTo(buffer.GetPosition(frameLength));
        }
    }

    private static (byte Flags, uint Length) ReadHeader(ReadOnlySequence<byte> buffer)
    {
        Span<byte> header = stackalloc byte[MessageFrame.HeaderSize];
        buffer.Slice(0, MessageFrame.HeaderSize).CopyTo(header);
        return (header[0], BinaryPrimitives.ReadUInt32BigEndian(header[1..]));
    }

    private void ValidateHeader(byte flags, uint length)
    {
        if ((flags & ~MessageFrame.CompressedFlag) != 0)
        {
            throw GrpcErrors.Internal($"Invalid message flags 0x{flags:X2}.");
        }

        if (length > (maxReceiveSize ?? int.MaxValue - MessageFrame.HeaderSize))
        {
            throw new GrpcStatusException(
                StatusCode.ResourceExhausted,
                $"Received message exceeds the maximum configured message size ({length} > {maxReceiveSize} bytes).");
        }

        if ((flags & MessageFrame.CompressedFlag) != 0)
        {
            if (requestEncoding is null or MessageCompression.Identity)
            {
                throw GrpcErrors.Internal("A message is marked compressed but the request has no grpc-encoding.");
            }

            if (!MessageCompression.IsSupported(requestEncoding))
            {
                throw new GrpcStatusException(
                    StatusCode.Unimplemented,
                    $"Unsupported grpc-encoding '{requestEncoding}'. Supported encodings: {MessageCompression.Supported}.");
            }
        }
    }

    private byte[] Decompress(ReadOnlySequence<byte> payload) =>
        MessageCompression.Decompress(requestEncoding!, payload.ToArray(), maxReceiveSize);

    private static IMessage Parse(MessageDescriptor descriptor, ReadOnlySequence<byte> payload)
    {
        try
        {
            var message = descriptor.Parser.ParseFrom(payload);
            Utf8Validation.ThrowIfInvalid(descriptor, payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray());
            return message;
        }
        catch (InvalidProtocolBufferException)
        {
            throw GrpcErrors.Internal($"Invalid protobuf byte sequence for {descriptor.FullName}.");
        }
    }
}
