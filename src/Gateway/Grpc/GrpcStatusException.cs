using Google.Protobuf;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>Thrown by handlers (or the protocol layer) to end a call with a given status.
/// Its message is sent to the client, so it must not contain internal details.</summary>
public sealed class GrpcStatusException : Exception
{
    public GrpcStatusException(StatusCode statusCode, string message, IEnumerable<IMessage>? details = null, Metadata? trailers = null)
        : base(message)
    {
        if (statusCode == StatusCode.OK)
        {
            throw new ArgumentException("An error status cannot be OK.", nameof(statusCode));
        }

        Status = new GrpcStatus(statusCode, message, details?.ToArray() ?? []);
        Trailers = trailers ?? new Metadata();
    }

    public GrpcStatus Status { get; }

    public StatusCode StatusCode => Status.Code;

    /// <summary>Extra trailing metadata sent with the error status.</summary>
    public Metadata Trailers { get; }
}
