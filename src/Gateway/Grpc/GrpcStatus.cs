using Google.Protobuf;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>The outcome of a call: code, human-readable message and optional rich details
/// (sent as google.rpc.Status in <c>grpc-status-details-bin</c>).</summary>
public sealed record GrpcStatus(StatusCode Code, string Message, IReadOnlyList<IMessage> Details)
{
    public static readonly GrpcStatus Ok = new(StatusCode.OK, "", []);

    public GrpcStatus(StatusCode code, string message)
        : this(code, message, [])
    {
    }
}
