using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>
/// The one place where a handler's refusal becomes what the client sees: a <see cref="GrpcStatusException"/> (the
/// domain's problems as <c>ProblemErrors</c> maps them, request checks, access refusals) becomes an
/// <see cref="RpcException"/> with a google.rpc.Status through Grpc.StatusProto. Any other exception is a failure of
/// the service: logged as an error, and INTERNAL for the client (with its message only when detailed errors are on).
/// A call the client cancelled or whose deadline passed is left to grpc-dotnet (CANCELLED, DEADLINE_EXCEEDED).
/// </summary>
public sealed partial class ErrorInterceptor(IOptions<GrpcGatewayOptions> options, ILogger<ErrorInterceptor> logger) : Interceptor
{
    public const string HandlerFailedMessage = "Exception was thrown by handler.";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (Translate(e, context) is { } status)
        {
            throw status;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (Translate(e, context) is { } status)
        {
            throw status;
        }
    }

    private RpcException? Translate(Exception error, ServerCallContext context)
    {
        switch (error)
        {
            case GrpcStatusException status:
                return status.ToRpcException();
            case RpcException:
                return null;
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return null;
            default:
                LogHandlerFailed(logger, error, context.Method);
                var message = options.Value.EnableDetailedErrors ? $"{HandlerFailedMessage} {error.GetType().Name}: {error.Message}" : HandlerFailedMessage;
                return new RpcException(new Status(StatusCode.Internal, message));
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "gRPC handler of {Method} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string method);
}
