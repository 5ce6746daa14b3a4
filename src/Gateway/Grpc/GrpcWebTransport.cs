using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>gRPC-Web over any HTTP version: frames in the body, status as a final frame with flag
/// 0x80; for <c>-text</c> both directions are base64.</summary>
internal sealed class GrpcWebTransport : CallTransport
{
    private readonly bool _text;
    private readonly string _contentType;
    private readonly string? _requestEncoding;
    private FramedMessageReader? _reader;

    public GrpcWebTransport(HttpContext http, GrpcGatewayOptions options, bool text)
        : base(http, options)
    {
        _text = text;
        _contentType = GrpcContentType.MediaType(http.Request.ContentType);
        _requestEncoding = http.Request.Headers[MessageCompression.EncodingHeader];
        if (!text)
        {
            _reader = new FramedMessageReader(http.Request.BodyReader, _requestEncoding, options.MaxReceiveMessageSize);
        }
    }

    public override async ValueTask<IMessage?> ReadMessageAsync(MessageDescriptor descriptor, CancellationToken cancellationToken)
    {
        // gRPC-Web clients send one request message, so a text body is decoded whole.
        _reader ??= await CreateTextReaderAsync(cancellationToken);
        return await _reader.ReadAsync(descriptor, cancellationToken);
    }

    public override async ValueTask WriteMessageAsync(IMessage message, bool flush, CancellationToken cancellationToken)
    {
        var size = MeasureForSend(message);
        EnsureStarted();
        if (_text)
        {
            var frame = new ArrayBufferWriter<byte>(MessageFrame.HeaderSize + size);
            MessageFrame.WriteMessage(frame, message, size);
            GrpcWebText.Encode(Response.BodyWriter, frame.WrittenSpan);
        }
        else
        {
            MessageFrame.WriteMessage(Response.BodyWriter, message, size);
        }

        if (flush)
        {
            await Response.BodyWriter.FlushAsync(cancellationToken);
        }
    }

    public override async Task WriteStatusAsync(GrpcStatus status)
    {
        if (!ResponseStarted)
        {
            StartResponse(_contentType);
            WriteStatusAsHeaders(status);
            return;
        }

        var trailerBlock = BuildTrailerBlock(status);
        var frame = new byte[MessageFrame.HeaderSize + trailerBlock.Length];
        MessageFrame.WriteHeader(frame, MessageFrame.TrailersFlag, trailerBlock.Length);
        trailerBlock.CopyTo(frame, MessageFrame.HeaderSize);
        if (_text)
        {
            GrpcWebText.Encode(Response.BodyWriter, frame);
        }
        else
        {
            await Response.BodyWriter.WriteAsync(frame);
        }

        await Response.BodyWriter.FlushAsync();
    }

    private void EnsureStarted()
    {
        if (!ResponseStarted)
        {
            StartResponse(_contentType);
            ResponseStarted = true;
        }
    }

    /// <summary>Trailers as HTTP/1 header lines; binary values stay base64 (also for -text) so that a
    /// value can never contain a line break.</summary>
    private byte[] BuildTrailerBlock(GrpcStatus status)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in StatusFields(status))
        {
            builder.Append(name).Append(':').Append(value).Append("\r\n");
        }

        foreach (var entry in ResponseTrailers)
        {
            builder.Append(entry.Key).Append(':').Append(MetadataCodec.ToHeaderValue(entry)).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(builder.ToString());
    }

    private async Task<FramedMessageReader> CreateTextReaderAsync(CancellationToken cancellationToken)
    {
        long? maxTextBytes = Options.MaxReceiveMessageSize is { } max
            ? ((max + MessageFrame.HeaderSize + 2L) / 3 * 4 * 2) + 1024 // base64 of one frame, room for line breaks
            : null;
        var text = await RequestBody.ReadToEndAsync(Http.Request.BodyReader, maxTextBytes, cancellationToken);
        var decoded = GrpcWebText.Decode(text);
        return new FramedMessageReader(PipeReader.Create(new ReadOnlySequence<byte>(decoded)), _requestEncoding, Options.MaxReceiveMessageSize);
    }
}
