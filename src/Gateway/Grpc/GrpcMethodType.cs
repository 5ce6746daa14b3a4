namespace OrleansTilsyn.Gateway.Grpc;

public enum GrpcMethodType
{
    Unary,
    ServerStreaming,
    DuplexStreaming,
}
