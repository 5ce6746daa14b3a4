using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>
/// Binds a service's gRPC methods as grpc-dotnet's own binder does (the generated <c>BindService</c> of its
/// base class), with one change: each request is read by <see cref="CheckedRequestMarshaller"/>, which refuses
/// strings that are not valid UTF-8 before Google.Protobuf would turn them into U+FFFD. It replaces grpc-dotnet's
/// binder for every service (<see cref="GrpcGatewayServiceCollectionExtensions.AddGrpcGateway(IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/>).
/// </summary>
internal sealed class CheckedRequestMethodProvider<TService> : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        var bind = FindBindMethod();
        if (bind is null) return;
        bind.Invoke(null, [new Binder(context), null]);
    }

    private static MethodInfo? FindBindMethod()
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } attribute)
            {
                return attribute.BindType.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                    .SingleOrDefault(m => m.Name == attribute.BindMethodName && m.GetParameters() is [{ ParameterType: var first }, _] && first == typeof(ServiceBinderBase));
            }
        }

        return null;
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            context.AddUnaryMethod(Checked(method), Metadata(method), Invoker<UnaryServerMethod<TService, TRequest, TResponse>>(method, typeof(TRequest), typeof(ServerCallContext)));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddServerStreamingMethod(Checked(method), Metadata(method),
                Invoker<ServerStreamingServerMethod<TService, TRequest, TResponse>>(method, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddClientStreamingMethod(Checked(method), Metadata(method),
                Invoker<ClientStreamingServerMethod<TService, TRequest, TResponse>>(method, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext)));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddDuplexStreamingMethod(Checked(method), Metadata(method),
                Invoker<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(method, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)));

        private static Method<TRequest, TResponse> Checked<TRequest, TResponse>(Method<TRequest, TResponse> method)
            where TRequest : class
            where TResponse : class =>
            new(method.Type, method.ServiceName, method.Name, CheckedRequestMarshaller.Wrap(method.RequestMarshaller), method.ResponseMarshaller);

        /// <summary>The service's and the method's attributes, as grpc-dotnet gives them to the endpoint.</summary>
        private static List<object> Metadata(IMethod method)
        {
            var metadata = new List<object>(typeof(TService).GetCustomAttributes(inherit: true));
            if (typeof(TService).GetMethod(method.Name) is { } implementation)
            {
                metadata.AddRange(implementation.GetCustomAttributes(inherit: true));
            }

            return metadata;
        }

        /// <summary>An open delegate to the service's override of the method (called on each call's service instance).</summary>
        private static TDelegate Invoker<TDelegate>(IMethod method, params Type[] parameters)
            where TDelegate : Delegate =>
            typeof(TService).GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance, parameters) is { } implementation
                ? implementation.CreateDelegate<TDelegate>()
                : throw new InvalidOperationException($"{typeof(TService).Name} has no method {method.Name} for {method.FullName}.");
    }
}
