using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Tests.Echo;
using Google.Protobuf;

namespace OrleansTilsyn.Gateway.Tests.Infrastructure;

/// <summary>The test service: echoes, fails on request, waits for cancellation, streams.</summary>
public sealed class EchoService(EchoProbe probe) : IGrpcService
{
    public const string Name = "test.echo.v1.EchoService";
    public const string SecretDetail = "connection string Host=db;Password=hunter2";

    public void Register(GrpcServiceRegistry registry)
    {
        registry.AddFile(EchoReflection.Descriptor);
        registry.Unary<EchoRequest, EchoReply>(Name, "Echo", Echo);
        registry.Unary<FailRequest, EchoReply>(Name, "Fail", Fail);
        registry.Unary<WaitRequest, EchoReply>(Name, "Wait", WaitAsync);
        registry.ServerStreaming<CountRequest, EchoReply>(Name, "Count", CountAsync);
        registry.DuplexStreaming<EchoRequest, EchoReply>(Name, "Chat", ChatAsync);
    }

    private static Task<EchoReply> Echo(EchoRequest request, GrpcCallContext context)
    {
        var reply = new EchoReply
        {
            Message = request.Message,
            Payload = request.ReplyPayloadSize > 0 ? ByteString.CopyFrom(new byte[request.ReplyPayloadSize]) : request.Payload,
            User = context.User.Identity?.Name ?? "",
        };
        foreach (var entry in context.RequestHeaders.Where(e => e.Key.StartsWith("x-", StringComparison.Ordinal)))
        {
            reply.Metadata.Add(entry.IsBinary ? $"{entry.Key}={Convert.ToHexString(entry.ValueBytes!)}" : $"{entry.Key}={entry.Value}");
        }

        context.ResponseHeaders.Add("x-reply-header", "header-value");
        context.ResponseTrailers.Add("x-reply-trailer", "trailer-value");
        context.ResponseTrailers.Add("x-reply-trailer-bin", [1, 2, 3, 250]);
        return Task.FromResult(reply);
    }

    private static Task<EchoReply> Fail(FailRequest request, GrpcCallContext context)
    {
        if (request.Crash)
        {
            throw new InvalidOperationException(SecretDetail);
        }

        if (request.BadRequest)
        {
            throw GrpcErrors.InvalidArgument(
                request.Message,
                ("unit_id", "must not be empty"),
                ("period.start", "must be before period.end"));
        }

        throw new GrpcStatusException((StatusCode)request.Code, request.Message);
    }

    private async Task<EchoReply> WaitAsync(WaitRequest request, GrpcCallContext context)
    {
        probe.LastDeadline = context.Deadline;
        probe.OnWaitStarted();
        if (request.IgnoreCancellation)
        {
            await Task.Delay(request.Milliseconds, CancellationToken.None);
            return new EchoReply { Message = "ignored cancellation" };
        }

        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.OnWaitCancelled();
            if (request.EndQuietlyWhenCancelled) return new EchoReply { Message = "ended quietly" };
            throw;
        }

        return new EchoReply();
    }

    private static async Task CountAsync(CountRequest request, IGrpcStreamWriter<EchoReply> responses, GrpcCallContext context)
    {
        for (var i = 1; i <= request.Count; i++)
        {
            if (request.FailAfter > 0 && i > request.FailAfter)
            {
                throw GrpcErrors.Aborted($"Stopped after {request.FailAfter} messages.");
            }

            if (request.DelayMilliseconds > 0)
            {
                await Task.Delay(request.DelayMilliseconds, context.CancellationToken);
            }

            await responses.WriteAsync(new EchoReply { Sequence = i, Message = $"message {i}" }, context.CancellationToken);
        }
    }

    private static async Task ChatAsync(IAsyncEnumerable<EchoRequest> requests, IGrpcStreamWriter<EchoReply> responses, GrpcCallContext context)
    {
        var sequence = 0;
        await foreach (var request in requests)
        {
            await responses.WriteAsync(new EchoReply { Sequence = ++sequence, Message = request.Message }, context.CancellationToken);
        }
    }
}
