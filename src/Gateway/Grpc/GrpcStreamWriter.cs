using Google.Protobuf;

namespace OrleansTilsyn.Gateway.Grpc;

internal sealed class GrpcStreamWriter<TResponse>(GrpcCall call) : IGrpcStreamWriter<TResponse>
    where TResponse : class, IMessage<TResponse>
{
    public Task WriteAsync(TResponse message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return call.WriteMessageAsync(message, flush: true, cancellationToken);
    }
}
