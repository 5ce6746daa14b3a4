namespace OrleansTilsyn.Gateway.Grpc.Health;

/// <summary>Where grpc.health.v1.Health gets each service's status. The service name "" means the
/// whole server. A null status means the service is unknown.</summary>
public interface IGrpcHealthSource
{
    GrpcServingStatus? GetStatus(string service);

    /// <summary>The current status at once, then each change, until cancelled.</summary>
    IAsyncEnumerable<GrpcServingStatus?> WatchAsync(string service, CancellationToken cancellationToken);
}
