using Grpc.Core;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;

namespace OrleansTilsyn.Gateway.Api.Calls;

/// <summary>
/// The idempotency key of a change: who (person and role), which method, which <c>request_id</c>, hashed; the
/// request's fingerprint, so the same key with another request is refused; and when the gateway sent it, on the
/// real clock (<paramref name="realTime"/>: the domain clock may run faster in demos), from which the key expires.
/// The grain that applies the change keeps it in its committed state (<c>Grains.Common.RequestLedger</c>).
/// </summary>
public sealed class RequestKeys(TimeProvider realTime)
{
    public const int MaxRequestIdLength = 64;

    /// <summary>The key of <paramref name="request"/>, or null when it has no <paramref name="requestId"/>; INVALID_ARGUMENT when the id is too long.</summary>
    public RequestKey? For(ServerCallContext context, Caller caller, string requestId, IMessage request)
    {
        if (requestId.Length > MaxRequestIdLength)
            throw GrpcErrors.InvalidArgument("request_id is too long.", ("request_id", $"must be at most {MaxRequestIdLength} characters"));
        if (requestId.Length == 0) return null;
        var key = Hash(Encoding.UTF8.GetBytes($"{caller.PersonId}\n{caller.AttributedAs}\n{context.Method}\n{requestId}"));
        return new RequestKey(key, Hash(request.ToByteArray()), realTime.GetUtcNow());
    }

    private static string Hash(byte[] bytes) => Convert.ToBase64String(SHA256.HashData(bytes));
}
