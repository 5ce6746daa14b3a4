using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>Builds the google.rpc.Status sent in <c>grpc-status-details-bin</c> and in JSON errors.</summary>
internal static class StatusDetailsCodec
{
    public const string HeaderName = "grpc-status-details-bin";

    public static Rpc.Status ToRpcStatus(GrpcStatus status, bool includeDetails = true)
    {
        var rpcStatus = new Rpc.Status { Code = (int)status.Code, Message = status.Message };
        if (includeDetails)
        {
            foreach (var detail in status.Details)
            {
                rpcStatus.Details.Add(Any.Pack(detail));
            }
        }

        return rpcStatus;
    }

    /// <summary>The header value, or null when the status has no details.</summary>
    public static string? ToHeaderValue(GrpcStatus status) =>
        status.Details.Count == 0 ? null : MetadataCodec.ToUnpaddedBase64(ToRpcStatus(status).ToByteArray());
}
