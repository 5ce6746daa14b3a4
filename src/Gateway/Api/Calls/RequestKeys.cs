using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;

namespace OrleansTilsyn.Gateway.Api.Calls;

/// <summary>
/// The idempotency key of a change: who (person and role), which method, which <c>request_id</c>, hashed; and
/// the request's fingerprint, so the same key with another request is refused. The grain that applies the
/// change keeps it in its committed state (<c>Grains.Common.RequestLedger</c>).
/// </summary>
public static class RequestKeys
{
    public const int MaxRequestIdLength = 64;

    /// <summary>The key of <paramref name="request"/>, or null when it has no <paramref name="requestId"/>; INVALID_ARGUMENT when the id is too long.</summary>
    public static RequestKey? For(Caller caller, string method, string requestId, IMessage request, DateTimeOffset sentAt)
    {
        if (requestId.Length > MaxRequestIdLength)
            throw GrpcErrors.InvalidArgument("request_id is too long.", ("request_id", $"must be at most {MaxRequestIdLength} characters"));
        if (requestId.Length == 0) return null;
        var key = Hash(Encoding.UTF8.GetBytes($"{caller.PersonId}\n{caller.AttributedAs}\n{method}\n{requestId}"));
        return new RequestKey(key, Hash(request.ToByteArray()), sentAt);
    }

    private static string Hash(byte[] bytes) => Convert.ToBase64String(SHA256.HashData(bytes));
}
