using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace OrleansTilsyn.Gateway.Grpc;

internal sealed class UnaryMethod<TRequest, TResponse>(
    string serviceName, string methodName, MessageDescriptor request, MessageDescriptor response, UnaryHandler<TRequest, TResponse> handler)
    : GrpcMethod(serviceName, methodName, GrpcMethodType.Unary, request, response)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    internal override async Task InvokeAsync(GrpcCall call)
    {
        var request = (TRequest)await call.ReadSingleRequestAsync(RequestDescriptor);
        var response = await handler(request, call.Context)
            ?? throw new InvalidOperationException($"The handler of {Path} returned no response.");
        // The answer of a handler that ignored its cancelled token is not sent: the call ended at its deadline.
        call.Context.CancellationToken.ThrowIfCancellationRequested();
        await call.WriteMessageAsync(response, flush: false, CancellationToken.None);
    }
}
