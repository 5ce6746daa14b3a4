using Microsoft.AspNetCore.Routing;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests.Security;

/// <summary>Every tilsyn.v1 service with no method implemented (the generated bases answer UNIMPLEMENTED), behind the
/// gateway's access gate: a call that gets UNIMPLEMENTED passed the gate.</summary>
internal static class NotServedApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcGatewayService<UnitsNotServed>();
        endpoints.MapGrpcGatewayService<LoopsNotServed>();
        endpoints.MapGrpcGatewayService<DataPackagesNotServed>();
        endpoints.MapGrpcGatewayService<InboxNotServed>();
        endpoints.MapGrpcGatewayService<AreasNotServed>();
        endpoints.MapGrpcGatewayService<AdministrationNotServed>();
        endpoints.MapGrpcGatewayService<OperationsNotServed>();
        endpoints.MapGrpcGatewayService<ReportsNotServed>();
    }

    private sealed class UnitsNotServed : Units.UnitsBase;

    private sealed class LoopsNotServed : Loops.LoopsBase;

    private sealed class DataPackagesNotServed : DataPackages.DataPackagesBase;

    private sealed class InboxNotServed : Inbox.InboxBase;

    private sealed class AreasNotServed : Areas.AreasBase;

    private sealed class AdministrationNotServed : Administration.AdministrationBase;

    private sealed class OperationsNotServed : Operations.OperationsBase;

    private sealed class ReportsNotServed : Reports.ReportsBase;
}
