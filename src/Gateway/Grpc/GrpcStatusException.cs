using Google.Protobuf;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>Thrown by handlers (or the protocol layer) to end a call with a given status.
/// Its message is sent to the client, so it must not contain internal details.</summary>
public sealed class GrpcStatusException : Exception
{
    /// <summary>Longest status message sent; it travels in a header or trailer.</summary>
    public const int MaxMessageLength = 1024;

    public GrpcStatusException(StatusCode statusCode, string message, IEnumerable<IMessage>? details = null, Metadata? trailers = null)
        : base(GrpcErrors.Shorten(message, MaxMessageLength))
    {
        if (statusCode == StatusCode.OK || !Enum.IsDefined(statusCode))
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An error status must be a defined code other than OK.");
        }

        Status = new GrpcStatus(statusCode, Message, details?.ToArray() ?? []);
        Trailers = trailers ?? new Metadata();
    }

    public GrpcStatus Status { get; }

    public StatusCode StatusCode => Status.Code;

    /// <summary>Extra trailing metadata sent with the error status.</summary>
    public Metadata Trailers { get; }
}
