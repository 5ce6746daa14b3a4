using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>Native gRPC over HTTP/2: frames in the body, status in HTTP/2 trailers.</summary>
internal sealed class NativeGrpcTransport : CallTransport
{
    private readonly FramedMessageReader _reader;

    public NativeGrpcTransport(HttpContext http, GrpcGatewayOptions options)
        : base(http, options)
    {
        _reader = new FramedMessageReader(
            http.Request.BodyReader, http.Request.Headers[MessageCompression.EncodingHeader], options.MaxReceiveMessageSize);
    }

    public override ValueTask<IMessage?> ReadMessageAsync(MessageDescriptor descriptor, CancellationToken cancellationToken) =>
        _reader.ReadAsync(descriptor, cancellationToken);

    public override async ValueTask WriteMessageAsync(IMessage message, bool flush, CancellationToken cancellationToken)
    {
        var size = MeasureForSend(message);
        if (!ResponseStarted)
        {
            StartResponse(GrpcContentType.Grpc);
            ResponseStarted = true;
        }

        MessageFrame.WriteMessage(Response.BodyWriter, message, size);
        if (flush)
        {
            await Response.BodyWriter.FlushAsync(cancellationToken);
        }
    }

    public override Task WriteStatusAsync(GrpcStatus status)
    {
        if (!ResponseStarted)
        {
            StartResponse(GrpcContentType.Grpc);
            WriteStatusAsHeaders(status);
            return Task.CompletedTask;
        }

        foreach (var (name, value) in StatusFields(status))
        {
            Response.AppendTrailer(name, value);
        }

        foreach (var entry in ResponseTrailers)
        {
            Response.AppendTrailer(entry.Key, MetadataCodec.ToHeaderValue(entry));
        }

        return Task.CompletedTask;
    }
}
