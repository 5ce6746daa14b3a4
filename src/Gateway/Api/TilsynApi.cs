using Google.Protobuf.Reflection;
using Grpc.AspNetCore.HealthChecks;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>
/// The tilsyn.v1 API surface: its .proto files and services. <see cref="MapTilsynApi"/> maps every service (gRPC,
/// gRPC-Web and JSON, see <see cref="GrpcGatewayEndpoints.MapGrpcGatewayService{TService}"/>); it refuses to start when
/// a declared method has no access rule in <see cref="ApiMethodAccess"/>, whose gate <see cref="ApiAccessInterceptor"/>
/// puts before every handler.
/// </summary>
public static class TilsynApi
{
    public const string Package = "tilsyn.v1";

    public static IReadOnlyList<FileDescriptor> Files { get; } =
    [
        CommonReflection.Descriptor,
        UnitsReflection.Descriptor,
        LoopsReflection.Descriptor,
        DataPackagesReflection.Descriptor,
        InboxReflection.Descriptor,
        AreasReflection.Descriptor,
        AdministrationReflection.Descriptor,
        OperationsReflection.Descriptor,
        ReportsReflection.Descriptor,
    ];

    public static IEnumerable<Google.Protobuf.Reflection.ServiceDescriptor> Services => Files.SelectMany(f => f.Services);

    public static IEnumerable<MethodDescriptor> Methods => Services.SelectMany(s => s.Methods);

    /// <summary>Each tilsyn.v1 service is a gRPC health service name, serving while the gateway is healthy.</summary>
    public static void MapHealthNames(GrpcHealthChecksOptions health)
    {
        foreach (var service in Services)
        {
            health.Services.Map(service.FullName, _ => true);
        }
    }

    public static void MapTilsynApi(this IEndpointRouteBuilder endpoints)
    {
        var unguarded = Methods.Where(m => !ApiMethodAccess.TryGetAction(m.Service.FullName, m.Name, out _)).Select(m => m.FullName).ToList();
        if (unguarded.Count > 0)
        {
            throw new InvalidOperationException($"{string.Join(", ", unguarded)} ha(s) no access rule in {nameof(ApiMethodAccess)}.");
        }

        endpoints.MapGrpcGatewayService<UnitsService>();
        endpoints.MapGrpcGatewayService<LoopsService>();
        endpoints.MapGrpcGatewayService<DataPackagesService>();
        endpoints.MapGrpcGatewayService<InboxService>();
        endpoints.MapGrpcGatewayService<AreasService>();
        endpoints.MapGrpcGatewayService<AdministrationService>();
        endpoints.MapGrpcGatewayService<OperationsService>();
        endpoints.MapGrpcGatewayService<ReportsService>();
    }
}
