using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>Thrown by handlers to end a call with a given status and google.rpc detail messages;
/// <see cref="ErrorInterceptor"/> sends it as an <see cref="RpcException"/> with a google.rpc.Status.
/// Its message is sent to the client, so it must not contain internal details.</summary>
public sealed class GrpcStatusException : Exception
{
    /// <summary>Longest status message sent; it travels in a header or trailer.</summary>
    public const int MaxMessageLength = 1024;

    public GrpcStatusException(StatusCode statusCode, string message, IEnumerable<IMessage>? details = null)
        : base(GrpcErrors.Shorten(message, MaxMessageLength))
    {
        if (statusCode == StatusCode.OK || !System.Enum.IsDefined(statusCode))
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An error status must be a defined code other than OK.");
        }

        StatusCode = statusCode;
        Details = details?.ToArray() ?? [];
    }

    public StatusCode StatusCode { get; }

    /// <summary>google.rpc detail messages (BadRequest, PreconditionFailure, ErrorInfo).</summary>
    public IReadOnlyList<IMessage> Details { get; }

    /// <summary>The status as grpc-dotnet sends it: code and message, and the details packed in a google.rpc.Status
    /// (the <c>grpc-status-details-bin</c> trailer; JSON callers get it as the error body).</summary>
    public RpcException ToRpcException()
    {
        var status = new Google.Rpc.Status { Code = (int)StatusCode, Message = Message };
        status.Details.AddRange(Details.Select(Any.Pack));
        return status.ToRpcException();
    }
}
