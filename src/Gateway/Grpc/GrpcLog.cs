using Microsoft.Extensions.Logging;

namespace OrleansTilsyn.Gateway.Grpc;

internal static partial class GrpcLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "gRPC handler of {Method} failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string method);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "gRPC handler of {Method} failed after its call had completed")]
    public static partial void HandlerFailedAfterCompletion(ILogger logger, Exception exception, string method);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "gRPC call {Method} was cancelled by the client")]
    public static partial void CallCancelledByClient(ILogger logger, string method);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "gRPC status of {Method} could not be sent: {Reason}")]
    public static partial void StatusNotSent(ILogger logger, string method, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "gRPC request body of {Method} was malformed: {Reason}")]
    public static partial void BadRequestBody(ILogger logger, string method, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "gRPC call {Method} rejected before the handler: {Status} {Message}")]
    public static partial void CallRejected(ILogger logger, string method, StatusCode status, string message);
}
