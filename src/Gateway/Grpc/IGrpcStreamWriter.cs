namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>Writes response messages of a streaming call; each write is sent (flushed) at once.</summary>
public interface IGrpcStreamWriter<in TResponse>
{
    Task WriteAsync(TResponse message, CancellationToken cancellationToken = default);
}
