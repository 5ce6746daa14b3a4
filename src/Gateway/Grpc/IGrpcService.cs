namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>A gRPC service: registers its methods (and its .proto file) when the services are mapped.
/// Add one with <c>services.AddGrpcService&lt;T&gt;()</c>; it is a singleton, so per-request services
/// come from <c>context.HttpContext.RequestServices</c>.</summary>
public interface IGrpcService
{
    void Register(GrpcServiceRegistry registry);
}
