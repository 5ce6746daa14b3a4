using System.Runtime.CompilerServices;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace OrleansTilsyn.Gateway.Grpc;

internal sealed class DuplexStreamingMethod<TRequest, TResponse>(
    string serviceName, string methodName, MessageDescriptor request, MessageDescriptor response, DuplexStreamingHandler<TRequest, TResponse> handler)
    : GrpcMethod(serviceName, methodName, GrpcMethodType.DuplexStreaming, request, response)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    internal override Task InvokeAsync(GrpcCall call) =>
        handler(ReadAllAsync(call, call.Context.CancellationToken), new GrpcStreamWriter<TResponse>(call), call.Context);

    private async IAsyncEnumerable<TRequest> ReadAllAsync(GrpcCall call, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await call.ReadRequestAsync(RequestDescriptor, cancellationToken) is TRequest request)
        {
            yield return request;
        }
    }
}
