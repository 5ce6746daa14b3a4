using Microsoft.Extensions.Hosting;
using OrleansTilsyn.Gateway.Health.V1;
using ServingStatus = OrleansTilsyn.Gateway.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace OrleansTilsyn.Gateway.Grpc.Health;

/// <summary>grpc.health.v1.Health (grpc/grpc doc/health-checking.md) over an <see cref="IGrpcHealthSource"/>.</summary>
internal sealed class HealthService(IGrpcHealthSource source, IHostApplicationLifetime lifetime) : IGrpcService
{
    public const string ServiceName = "grpc.health.v1.Health";

    public void Register(GrpcServiceRegistry registry)
    {
        registry.AddFile(HealthReflection.Descriptor);
        registry.Unary<HealthCheckRequest, HealthCheckResponse>(ServiceName, "Check", Check).AllowAnonymous();
        registry.ServerStreaming<HealthCheckRequest, HealthCheckResponse>(ServiceName, "Watch", WatchAsync).AllowAnonymous();
    }

    private Task<HealthCheckResponse> Check(HealthCheckRequest request, GrpcCallContext context)
    {
        var status = source.GetStatus(request.Service)
            ?? throw GrpcErrors.NotFound($"Unknown service '{request.Service}'.");
        return Task.FromResult(new HealthCheckResponse { Status = ToWire(status) });
    }

    private async Task WatchAsync(HealthCheckRequest request, IGrpcStreamWriter<HealthCheckResponse> responses, GrpcCallContext context)
    {
        // A watch ends with OK when the server stops, so that shutdown does not wait for watchers;
        // clients then retry against another instance.
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await foreach (var status in source.WatchAsync(request.Service, watch.Token))
            {
                var wire = status is { } known ? ToWire(known) : ServingStatus.ServiceUnknown;
                await responses.WriteAsync(new HealthCheckResponse { Status = wire }, watch.Token);
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
        }
    }

    private static ServingStatus ToWire(GrpcServingStatus status) =>
        status == GrpcServingStatus.Serving ? ServingStatus.Serving : ServingStatus.NotServing;
}
