using Microsoft.AspNetCore.Http;

namespace OrleansTilsyn.Gateway.Grpc;

internal static class CallTransportFactory
{
    public static CallTransport Create(
        GrpcProtocol protocol, HttpContext http, GrpcGatewayOptions options, JsonCodec json, GrpcMethodType methodType) => protocol switch
    {
        GrpcProtocol.Grpc => new NativeGrpcTransport(http, options),
        GrpcProtocol.GrpcWeb => new GrpcWebTransport(http, options, text: false),
        GrpcProtocol.GrpcWebText => new GrpcWebTransport(http, options, text: true),
        GrpcProtocol.Json => new JsonTransport(http, options, json, methodType),
        _ => throw new ArgumentOutOfRangeException(nameof(protocol)),
    };
}
