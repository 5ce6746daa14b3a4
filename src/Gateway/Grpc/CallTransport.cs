using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>How one call's messages and status travel over HTTP for one protocol.
/// Not thread-safe: <see cref="GrpcCall"/> serialises writes.</summary>
internal abstract class CallTransport(HttpContext http, GrpcGatewayOptions options)
{
    protected HttpContext Http { get; } = http;

    protected HttpResponse Response => Http.Response;

    protected GrpcGatewayOptions Options { get; } = options;

    /// <summary>Metadata sent with the response headers; set by the call before any write.</summary>
    public Metadata ResponseHeaders { get; set; } = new();

    /// <summary>Metadata sent with the status.</summary>
    public Metadata ResponseTrailers { get; set; } = new();

    /// <summary>True once response headers were committed with a first message.</summary>
    public bool ResponseStarted { get; protected set; }

    /// <summary>The next request message, or null when the client has sent them all.</summary>
    public abstract ValueTask<IMessage?> ReadMessageAsync(MessageDescriptor descriptor, CancellationToken cancellationToken);

    public abstract ValueTask WriteMessageAsync(IMessage message, bool flush, CancellationToken cancellationToken);

    /// <summary>Ends the response with a status: as trailers, or as a trailers-only response when
    /// no message was written.</summary>
    public abstract Task WriteStatusAsync(GrpcStatus status);

    /// <summary>The serialized size, or RESOURCE_EXHAUSTED over the send limit.</summary>
    protected int MeasureForSend(IMessage message)
    {
        var size = message.CalculateSize();
        if (Options.MaxSendMessageSize is { } max && size > max)
        {
            throw new GrpcStatusException(
                StatusCode.ResourceExhausted, $"Sending message exceeds the maximum configured message size ({size} > {max} bytes).");
        }

        return size;
    }

    protected void StartResponse(string contentType, int httpStatus = StatusCodes.Status200OK)
    {
        Response.StatusCode = httpStatus;
        Response.ContentType = contentType;
        Response.Headers[MessageCompression.AcceptEncodingHeader] = MessageCompression.Supported;
        AppendHeaders(ResponseHeaders);
    }

    protected void AppendHeaders(Metadata metadata)
    {
        foreach (var entry in metadata)
        {
            Response.Headers.Append(entry.Key, MetadataCodec.ToHeaderValue(entry));
        }
    }

    /// <summary>grpc-status, grpc-message and grpc-status-details-bin, in that order.</summary>
    protected static IEnumerable<KeyValuePair<string, string>> StatusFields(GrpcStatus status)
    {
        yield return new("grpc-status", ((int)status.Code).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(status.Message))
        {
            yield return new("grpc-message", GrpcMessageEncoding.Encode(status.Message));
        }

        if (StatusDetailsCodec.ToHeaderValue(status) is { } details)
        {
            yield return new(StatusDetailsCodec.HeaderName, details);
        }
    }

    /// <summary>Status and trailer metadata as response headers (trailers-only response).</summary>
    protected void WriteStatusAsHeaders(GrpcStatus status)
    {
        foreach (var (name, value) in StatusFields(status))
        {
            Response.Headers[name] = value;
        }

        AppendHeaders(ResponseTrailers);
    }
}
