using Google.Protobuf.WellKnownTypes;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Hosting;

/// <summary>Endpoints for measuring the protocol layer's own cost (enabled by <c>Gateway:Bench=true</c>):
/// <c>/bench.v1.Echo/Echo</c> is a gRPC unary echo of google.protobuf.BytesValue through the full
/// layer; <c>/bench.v1.Bare/Fixed</c> is bare Kestrel writing a fixed gRPC response by hand.
/// Drive both with the same load, e.g. <c>h2load -n 100000 -c 4 -m 16 -d request.bin
/// -H 'content-type: application/grpc' -H 'te: trailers' http://127.0.0.1:PORT/bench.v1.Echo/Echo</c>.</summary>
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
    }

    public static void RegisterBenchEcho(GrpcServiceRegistry registry) =>
        registry.Unary<BytesValue, BytesValue>("bench.v1.Echo", "Echo", (request, _) => Task.FromResult(request)).AllowAnonymous();
}
