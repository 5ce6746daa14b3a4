using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Hosting;

/// <summary>Endpoints for measuring the gRPC stack's own cost (enabled by <c>Gateway:Bench=true</c>):
/// <c>/bench.v1.Echo/Echo</c> is a gRPC unary echo of google.protobuf.BytesValue through grpc-dotnet with the
/// gateway's interceptors; <c>/bench.v1.Bare/Fixed</c> is bare Kestrel writing a fixed gRPC response by hand.
/// Drive both with the same load (tests/Benchmarks/grpc-bench.sh).</summary>
public static class BenchEndpoints
{
    public const string ConfigKey = "Gateway:Bench";

    // An empty BytesValue as one uncompressed gRPC message frame.
    private static readonly byte[] FixedResponse = [0, 0, 0, 0, 0];

    public static void MapBenchEndpoints(this WebApplication app)
    {
        app.MapPost("/bench.v1.Bare/Fixed", async context =>
        {
            context.Response.ContentType = "application/grpc";
            await context.Response.BodyWriter.WriteAsync(FixedResponse);
            context.Response.AppendTrailer("grpc-status", "0");
        });
        app.MapGrpcGatewayService<BenchEcho>();
    }

    private sealed class BenchEcho : Bench.V1.Echo.EchoBase
    {
        public override Task<BytesValue> Echo(BytesValue request, ServerCallContext context) => Task.FromResult(request);
    }
}
