using System.Buffers;
using System.IO.Pipelines;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>Reads a whole request body, with a size limit, for the protocols that need all of it.</summary>
internal static class RequestBody
{
    public static async Task<byte[]> ReadToEndAsync(PipeReader body, long? maxBytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await body.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (maxBytes is { } max && buffer.Length > max)
            {
                body.AdvanceTo(buffer.End);
                throw new GrpcStatusException(
                    StatusCode.ResourceExhausted, $"Request body exceeds the maximum configured size ({max} bytes).");
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                var bytes = buffer.ToArray();
                body.AdvanceTo(buffer.End);
                return bytes;
            }

            body.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
