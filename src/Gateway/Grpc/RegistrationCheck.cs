using Google.Protobuf.Reflection;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>Catches registration mistakes at start-up instead of at the first call.</summary>
internal static class RegistrationCheck
{
    public static void Names(string serviceName, string methodName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        ArgumentException.ThrowIfNullOrWhiteSpace(methodName);
        if (serviceName.Contains('/') || methodName.Contains('/') || methodName.Contains('.'))
        {
            throw new ArgumentException($"'{serviceName}/{methodName}' is not a valid gRPC service and method name.");
        }
    }

    /// <summary>When the service's .proto declaration is known, the method must exist there with the
    /// same message types and streaming shape.</summary>
    public static void AgainstDeclaration(GrpcMethod method, Google.Protobuf.Reflection.ServiceDescriptor? service)
    {
        if (service is null)
        {
            return;
        }

        var declared = service.FindMethodByName(method.MethodName)
            ?? throw new InvalidOperationException($"{method.Path}: service {service.FullName} declares no method {method.MethodName}.");
        if (declared.InputType.FullName != method.RequestDescriptor.FullName || declared.OutputType.FullName != method.ResponseDescriptor.FullName)
        {
            throw new InvalidOperationException(
                $"{method.Path}: declared as ({declared.InputType.FullName}) -> {declared.OutputType.FullName}, " +
                $"registered as ({method.RequestDescriptor.FullName}) -> {method.ResponseDescriptor.FullName}.");
        }

        var declaredType = (declared.IsClientStreaming, declared.IsServerStreaming) switch
        {
            (false, false) => GrpcMethodType.Unary,
            (false, true) => GrpcMethodType.ServerStreaming,
            (true, true) => GrpcMethodType.DuplexStreaming,
            _ => (GrpcMethodType?)null,
        };
        if (declaredType != method.Type)
        {
            throw new InvalidOperationException($"{method.Path}: declared streaming shape does not match the {method.Type} registration.");
        }
    }
}
