namespace OrleansTilsyn.Gateway.Grpc.Health;

/// <summary>Whether a service can take calls (numbers as in grpc.health.v1).</summary>
public enum GrpcServingStatus
{
    Serving = 1,
    NotServing = 2,
}
