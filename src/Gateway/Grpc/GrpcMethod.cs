using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Authorization;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>A registered method. Endpoint metadata added here (authorization, CORS, etc.) goes on
/// the method's ASP.NET Core endpoint.</summary>
public abstract class GrpcMethod
{
    private readonly List<object> _endpointMetadata = [];

    private protected GrpcMethod(string serviceName, string methodName, GrpcMethodType type, MessageDescriptor request, MessageDescriptor response)
    {
        ServiceName = serviceName;
        MethodName = methodName;
        Type = type;
        RequestDescriptor = request;
        ResponseDescriptor = response;
    }

    /// <summary>The fully qualified service name, e.g. <c>tilsyn.v1.Units</c>.</summary>
    public string ServiceName { get; }

    public string MethodName { get; }

    public GrpcMethodType Type { get; }

    /// <summary>The HTTP path, <c>/{package}.{Service}/{Method}</c>.</summary>
    public string Path => $"/{ServiceName}/{MethodName}";

    public MessageDescriptor RequestDescriptor { get; }

    public MessageDescriptor ResponseDescriptor { get; }

    public IReadOnlyList<object> EndpointMetadata => _endpointMetadata;

    public GrpcMethod WithMetadata(params object[] items)
    {
        _endpointMetadata.AddRange(items);
        return this;
    }

    /// <summary>Callable without authentication even when the services require authorization.</summary>
    public GrpcMethod AllowAnonymous() => WithMetadata(new AllowAnonymousAttribute());

    /// <summary>Reads the request(s), runs the handler and writes the response(s).</summary>
    internal abstract Task InvokeAsync(GrpcCall call);
}
