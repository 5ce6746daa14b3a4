using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace OrleansTilsyn.Gateway.Tests.Infrastructure;

/// <summary>A <see cref="ServerCallContext"/> over an <see cref="HttpContext"/>, for calling handler helpers directly
/// (grpc-dotnet's <c>GetHttpContext()</c> finds it in the user state under <c>__HttpContext</c>).</summary>
public sealed class TestServerCallContext(HttpContext http, string method) : ServerCallContext
{
    private readonly Dictionary<object, object> _userState = new() { ["__HttpContext"] = http };

    protected override string MethodCore => method;
    protected override string HostCore => "localhost";
    protected override string PeerCore => "ipv4:127.0.0.1:1";
    protected override DateTime DeadlineCore => DateTime.MaxValue;
    protected override Metadata RequestHeadersCore { get; } = [];
    protected override CancellationToken CancellationTokenCore => http.RequestAborted;
    protected override Metadata ResponseTrailersCore { get; } = [];
    protected override Status StatusCore { get; set; }
    protected override WriteOptions? WriteOptionsCore { get; set; }
    protected override AuthContext AuthContextCore => new(null, []);
    protected override IDictionary<object, object> UserStateCore => _userState;

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
