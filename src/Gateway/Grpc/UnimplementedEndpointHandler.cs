using Microsoft.AspNetCore.Http;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>Answers gRPC, gRPC-Web and JSON calls to methods nobody registered with UNIMPLEMENTED;
/// other requests get 404.</summary>
internal sealed class UnimplementedEndpointHandler(GrpcServerState server)
{
    public async Task HandleAsync(HttpContext http)
    {
        if (GrpcContentType.Detect(http.Request.ContentType) is not { } protocol)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        server.Cors.ApplyToResponse(http);
        var transport = CallTransportFactory.Create(protocol, http, server.Options, server.Json, GrpcMethodType.Unary);
        var status = new GrpcStatus(StatusCode.Unimplemented, $"Method {http.Request.Path} is not implemented.");
        await transport.WriteStatusAsync(status);
    }
}
