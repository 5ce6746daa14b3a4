using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>The methods the gateway serves. Services register here (usually from
/// <see cref="IGrpcService.Register"/>) before <c>MapGrpcServices</c> turns them into endpoints.</summary>
public sealed class GrpcServiceRegistry
{
    private readonly Dictionary<string, GrpcMethod> _methods = new(StringComparer.Ordinal);
    private readonly List<FileDescriptor> _files = [];
    private bool _frozen;

    public IReadOnlyCollection<GrpcMethod> Methods => _methods.Values;

    /// <summary>Fully qualified names of the registered services, sorted.</summary>
    public IReadOnlyList<string> ServiceNames => _methods.Values.Select(m => m.ServiceName).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>The .proto files known to reflection and JSON (registered explicitly or through message types).</summary>
    public IReadOnlyList<FileDescriptor> Files => _files;

    public GrpcMethod Unary<TRequest, TResponse>(string serviceName, string methodName, UnaryHandler<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(new UnaryMethod<TRequest, TResponse>(serviceName, methodName, new TRequest().Descriptor, new TResponse().Descriptor, handler));
    }

    public GrpcMethod ServerStreaming<TRequest, TResponse>(string serviceName, string methodName, ServerStreamingHandler<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(new ServerStreamingMethod<TRequest, TResponse>(serviceName, methodName, new TRequest().Descriptor, new TResponse().Descriptor, handler));
    }

    /// <summary>Bidirectional streaming: over HTTP/2 requests and responses interleave; gRPC-Web over
    /// HTTP/1.1 reads all requests first; not available over JSON.</summary>
    public GrpcMethod DuplexStreaming<TRequest, TResponse>(string serviceName, string methodName, DuplexStreamingHandler<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(new DuplexStreamingMethod<TRequest, TResponse>(serviceName, methodName, new TRequest().Descriptor, new TResponse().Descriptor, handler));
    }

    /// <summary>Makes a .proto file (e.g. <c>UnitsReflection.Descriptor</c>) known to reflection and JSON.
    /// When it declares a registered service, the registrations are checked against it.</summary>
    public void AddFile(FileDescriptor file)
    {
        ArgumentNullException.ThrowIfNull(file);
        ThrowIfFrozen();
        if (!_files.Contains(file))
        {
            _files.Add(file);
        }
    }

    /// <summary>Checks every method against the service declarations in the known files and stops further changes.</summary>
    internal void Freeze()
    {
        foreach (var method in _methods.Values)
        {
            RegistrationCheck.AgainstDeclaration(method, FindService(method.ServiceName));
        }

        _frozen = true;
    }

    internal Google.Protobuf.Reflection.ServiceDescriptor? FindService(string fullName) =>
        _files.SelectMany(f => f.Services).FirstOrDefault(s => s.FullName == fullName);

    private GrpcMethod Add(GrpcMethod method)
    {
        ThrowIfFrozen();
        RegistrationCheck.Names(method.ServiceName, method.MethodName);
        if (!_methods.TryAdd(method.Path, method))
        {
            throw new InvalidOperationException($"Method {method.Path} is already registered.");
        }

        AddFile(method.RequestDescriptor.File);
        AddFile(method.ResponseDescriptor.File);
        return method;
    }

    private void ThrowIfFrozen()
    {
        if (_frozen)
        {
            throw new InvalidOperationException("gRPC services cannot change after MapGrpcServices.");
        }
    }
}
