using System.Buffers.Text;
using Microsoft.AspNetCore.Http.Features;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>
/// Hands a grpc-web-text request on to grpc-dotnet as binary gRPC-Web. grpc-dotnet 2.85 reads text requests through
/// a streaming base64 reader that fails on a body with bytes after its message or in separately padded chunks, and
/// leaves a body Kestrel cannot drain, so the connection is closed under the client. Text request bodies are one
/// message (the API has no client streams), so they are decoded whole here, within the receive limit; the answer is
/// text, as the request was.
/// </summary>
internal static class GrpcWebTextRequests
{
    private const string Text = "application/grpc-web-text";

    public static async Task DecodeAsync(HttpContext context, int? limit, Func<Task> next)
    {
        var contentType = context.Request.ContentType;
        if (contentType is null || !contentType.StartsWith(Text, StringComparison.OrdinalIgnoreCase))
        {
            await next();
            return;
        }

        if (limit is { } max && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = (long)max / 3 * 4 + 1024;
        }

        using var text = new MemoryStream();
        await context.Request.Body.CopyToAsync(text, context.RequestAborted);
        if (Decode(text.GetBuffer().AsSpan(0, (int)text.Length)) is { } binary)
        {
            context.Request.Body = new MemoryStream(binary);
            context.Request.ContentLength = binary.Length;
            context.Request.ContentType = "application/grpc-web" + contentType[Text.Length..];
            context.Request.Headers.Accept = Text;
        }
        else
        {
            text.Position = 0;
            context.Request.Body = text;
        }

        await next();
    }

    /// <summary>The bytes of base64 text made of one or more padded chunks (whitespace ignored); null if it is not base64.</summary>
    private static byte[]? Decode(ReadOnlySpan<byte> text)
    {
        var compact = new byte[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (c is not ((byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t')) compact[length++] = c;
        }

        var output = new byte[Base64.GetMaxDecodedFromUtf8Length(length)];
        var written = 0;
        var start = 0;
        for (var i = 0; i <= length; i++)
        {
            var chunkEnds = i == length || (compact[i - 1 < 0 ? 0 : i - 1] == '=' && compact[i] != '=');
            if (!chunkEnds || i == start) continue;
            if (Base64.DecodeFromUtf8(compact.AsSpan(start, i - start), output.AsSpan(written), out _, out var count) != System.Buffers.OperationStatus.Done)
            {
                return null;
            }

            written += count;
            start = i;
        }

        return output[..written];
    }
}
