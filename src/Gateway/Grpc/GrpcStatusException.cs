using Google.Protobuf;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>Thrown by handlers (or the protocol layer) to end a call with a given status.
/// Its message is sent to the client, so it must not contain internal details.</summary>
public sealed class GrpcStatusException : Exception
{
    public GrpcStatusException(StatusCode statusCode, string message, IEnumerable<IMessage>? details = null, Metadata? trailers = null)
        : base(message)
    {
        if (statusCode == StatusCode.OK || !Enum.IsDefined(statusCode))
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An error status must be a defined code other than OK.");
        }

        Status = new GrpcStatus(statusCode, message, details?.ToArray() ?? []);
        Trailers = trailers ?? new Metadata();
    }

    public GrpcStatus Status { get; }

    public StatusCode StatusCode => Status.Code;

    /// <summary>Extra trailing metadata sent with the error status.</summary>
    public Metadata Trailers { get; }
}
