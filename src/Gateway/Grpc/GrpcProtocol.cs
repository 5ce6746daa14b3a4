namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>Which wire protocol a call arrived on.</summary>
public enum GrpcProtocol
{
    /// <summary>Native gRPC over HTTP/2 (<c>application/grpc</c>).</summary>
    Grpc,

    /// <summary>gRPC-Web, binary frames (<c>application/grpc-web</c>).</summary>
    GrpcWeb,

    /// <summary>gRPC-Web, base64 text (<c>application/grpc-web-text</c>).</summary>
    GrpcWebText,

    /// <summary>protobuf-JSON for browsers and curl (<c>application/json</c>).</summary>
    Json,
}
