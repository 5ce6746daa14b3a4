using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>protobuf-JSON over HTTP: a unary response is one JSON document; a server stream is
/// newline-delimited JSON, one <c>{"result": ...}</c> line per message and an <c>{"error": ...}</c>
/// line when the stream fails after it started. Errors before any output are a JSON status body
/// with the mapped HTTP status.</summary>
internal sealed class JsonTransport(HttpContext http, GrpcGatewayOptions options, JsonCodec codec, GrpcMethodType methodType)
    : CallTransport(http, options)
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private bool _requestRead;
    private IMessage? _unaryResponse;

    private bool Streaming => methodType != GrpcMethodType.Unary;

    public override async ValueTask<IMessage?> ReadMessageAsync(MessageDescriptor descriptor, CancellationToken cancellationToken)
    {
        if (_requestRead)
        {
            return null;
        }

        _requestRead = true;
        var body = await RequestBody.ReadToEndAsync(Http.Request.BodyReader, Options.MaxReceiveMessageSize, cancellationToken);
        if (!Utf8Validation.IsValid(body)) throw JsonUtf8Refusal.For(body, descriptor, codec);
        var json = Encoding.UTF8.GetString(body);
        return string.IsNullOrWhiteSpace(json) ? descriptor.Parser.ParseFrom(ByteString.Empty) : codec.Parse(json, descriptor);
    }

    public override async ValueTask WriteMessageAsync(IMessage message, bool flush, CancellationToken cancellationToken)
    {
        MeasureForSend(message);
        if (!Streaming)
        {
            _unaryResponse = message;
            return;
        }

        if (!ResponseStarted)
        {
            StartResponse(GrpcContentType.NdJson);
            ResponseStarted = true;
        }

        await WriteLineAsync("{\"result\":" + codec.Format(message) + "}", cancellationToken);
    }

    public override async Task WriteStatusAsync(GrpcStatus status)
    {
        if (ResponseStarted)
        {
            if (status.Code != StatusCode.OK)
            {
                await WriteLineAsync("{\"error\":" + codec.FormatStatus(status) + "}", CancellationToken.None);
            }

            return;
        }

        if (status.Code == StatusCode.OK && !Streaming)
        {
            StartResponse(GrpcContentType.Json);
            AppendHeaders(ResponseTrailers);
            var json = _unaryResponse is null ? "{}" : codec.Format(_unaryResponse);
            await Response.WriteAsync(json, Encoding.UTF8);
            return;
        }

        if (status.Code == StatusCode.OK)
        {
            StartResponse(GrpcContentType.NdJson);
            AppendHeaders(ResponseTrailers);
            return;
        }

        StartResponse(GrpcContentType.Json, HttpStatusMapping.ToHttpStatus(status.Code));
        WriteStatusAsHeaders(status);
        await Response.WriteAsync(codec.FormatStatus(status), Encoding.UTF8);
    }

    private async Task WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        await Response.BodyWriter.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
        await Response.BodyWriter.WriteAsync(NewLine, cancellationToken);
        await Response.BodyWriter.FlushAsync(cancellationToken);
    }
}
