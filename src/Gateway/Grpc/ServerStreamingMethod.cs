using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace OrleansTilsyn.Gateway.Grpc;

internal sealed class ServerStreamingMethod<TRequest, TResponse>(
    string serviceName, string methodName, MessageDescriptor request, MessageDescriptor response, ServerStreamingHandler<TRequest, TResponse> handler)
    : GrpcMethod(serviceName, methodName, GrpcMethodType.ServerStreaming, request, response)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    internal override async Task InvokeAsync(GrpcCall call)
    {
        var request = (TRequest)await call.ReadSingleRequestAsync(RequestDescriptor);
        await handler(request, new GrpcStreamWriter<TResponse>(call), call.Context);
    }
}
