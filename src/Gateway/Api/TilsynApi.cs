using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>
/// The tilsyn.v1 API surface. <see cref="Register"/> runs after the services registered their
/// methods: it makes the .proto files known (reflection, JSON), puts the access gate of
/// <see cref="ApiMethodAccess"/> on every tilsyn.v1 method, and answers methods that no service
/// serves yet with UNIMPLEMENTED (behind the same gate, so authentication and role checks already
/// hold for them). It refuses to start when a declared method has no access rule.
/// </summary>
public static class TilsynApi
{
    public const string Package = "tilsyn.v1";

    public static IReadOnlyList<FileDescriptor> Files { get; } =
    [
        CommonReflection.Descriptor,
        UnitsReflection.Descriptor,
        LoopsReflection.Descriptor,
        DataPackagesReflection.Descriptor,
        InboxReflection.Descriptor,
        AreasReflection.Descriptor,
        AdministrationReflection.Descriptor,
        OperationsReflection.Descriptor,
        ReportsReflection.Descriptor,
    ];

    public static IEnumerable<MethodDescriptor> Methods => Files.SelectMany(f => f.Services).SelectMany(s => s.Methods);

    public static void Register(GrpcServiceRegistry registry)
    {
        foreach (var file in Files)
        {
            registry.AddFile(file);
        }

        var served = registry.Methods.ToDictionary(m => m.Path, StringComparer.Ordinal);
        foreach (var method in Methods)
        {
            if (!ApiMethodAccess.TryGetAction(method.Service.FullName, method.Name, out var action))
            {
                throw new InvalidOperationException($"{method.FullName} has no access rule in {nameof(ApiMethodAccess)}.");
            }

            var grpcMethod = served.GetValueOrDefault($"/{method.Service.FullName}/{method.Name}") ?? RegisterNotServed(registry, method);
            grpcMethod.WithMetadata(ApiAccessRequirement.PolicyFor(action));
        }
    }

    private static GrpcMethod RegisterNotServed(GrpcServiceRegistry registry, MethodDescriptor method)
    {
        var name = method.IsServerStreaming ? nameof(NotServedStreaming) : nameof(NotServedUnary);
        var register = typeof(TilsynApi).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(method.InputType.ClrType, method.OutputType.ClrType);
        return (GrpcMethod)register.Invoke(null, [registry, method])!;
    }

    private static GrpcMethod NotServedUnary<TRequest, TResponse>(GrpcServiceRegistry registry, MethodDescriptor method)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        registry.Unary<TRequest, TResponse>(method.Service.FullName, method.Name, (_, _) => Task.FromException<TResponse>(NotServed(method)));

    private static GrpcMethod NotServedStreaming<TRequest, TResponse>(GrpcServiceRegistry registry, MethodDescriptor method)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        registry.ServerStreaming<TRequest, TResponse>(method.Service.FullName, method.Name, (_, _, _) => Task.FromException(NotServed(method)));

    private static GrpcStatusException NotServed(MethodDescriptor method) =>
        new(StatusCode.Unimplemented, $"{method.FullName} is declared but not served yet.");
}
