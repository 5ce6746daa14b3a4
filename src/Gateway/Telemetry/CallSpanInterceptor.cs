using Grpc.Core;
using Grpc.Core.Interceptors;

namespace OrleansTilsyn.Gateway.Telemetry;

/// <summary>One <see cref="GatewayTelemetry"/> span per gRPC call (gRPC, gRPC-Web and JSON alike) with the rpc.* tags and
/// the status code the client gets; the parent of the grain calls its handler makes. The outermost interceptor, so it
/// sees the status <c>ErrorInterceptor</c> made of a refusal.</summary>
public sealed class CallSpanInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        using var span = GatewayTelemetry.StartCall(context.GetHttpContext(), context.Method);
        try
        {
            var response = await continuation(request, context);
            GatewayTelemetry.SetStatus(span, (int)StatusCode.OK, null);
            return response;
        }
        catch (RpcException e)
        {
            GatewayTelemetry.SetStatus(span, (int)e.StatusCode, e.Status.Detail);
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var span = GatewayTelemetry.StartCall(context.GetHttpContext(), context.Method);
        try
        {
            await continuation(request, responseStream, context);
            GatewayTelemetry.SetStatus(span, (int)StatusCode.OK, null);
        }
        catch (RpcException e)
        {
            GatewayTelemetry.SetStatus(span, (int)e.StatusCode, e.Status.Detail);
            throw;
        }
    }
}
