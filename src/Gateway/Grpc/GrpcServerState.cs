using Microsoft.Extensions.Logging;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>What every endpoint handler shares, built once when the services are mapped.</summary>
internal sealed class GrpcServerState(GrpcGatewayOptions options, JsonCodec json, GrpcCors cors, ILogger logger)
{
    public GrpcGatewayOptions Options { get; } = options;

    public JsonCodec Json { get; } = json;

    public GrpcCors Cors { get; } = cors;

    public ILogger Logger { get; } = logger;
}
