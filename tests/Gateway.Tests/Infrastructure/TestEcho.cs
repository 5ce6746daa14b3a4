using Grpc.Core;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Tests.Echo;
using Google.Protobuf;

namespace OrleansTilsyn.Gateway.Tests.Infrastructure;

/// <summary>The test service: echoes, fails on request, waits for cancellation, streams.</summary>
public sealed class TestEcho(EchoProbe probe) : Echo.EchoService.EchoServiceBase
{
    public const string Name = "test.echo.v1.EchoService";
    public const string SecretDetail = "connection string Host=db;Password=hunter2";

    public override async Task<EchoReply> Echo(EchoRequest request, ServerCallContext context)
    {
        var reply = new EchoReply
        {
            Message = request.Message,
            Payload = request.ReplyPayloadSize > 0 ? ByteString.CopyFrom(new byte[request.ReplyPayloadSize]) : request.Payload,
            User = context.GetHttpContext().User.Identity?.Name ?? "",
        };
        foreach (var entry in context.RequestHeaders.Where(e => e.Key.StartsWith("x-", StringComparison.Ordinal)))
        {
            reply.Metadata.Add(entry.IsBinary ? $"{entry.Key}={Convert.ToHexString(entry.ValueBytes)}" : $"{entry.Key}={entry.Value}");
        }

        await context.WriteResponseHeadersAsync(new Metadata { { "x-reply-header", "header-value" } });
        context.ResponseTrailers.Add("x-reply-trailer", "trailer-value");
        context.ResponseTrailers.Add("x-reply-trailer-bin", [1, 2, 3, 250]);
        return reply;
    }

    public override Task<EchoReply> Fail(FailRequest request, ServerCallContext context)
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

    public override async Task<EchoReply> Wait(WaitRequest request, ServerCallContext context)
    {
        probe.LastDeadline = context.Deadline == DateTime.MaxValue ? null : new DateTimeOffset(context.Deadline, TimeSpan.Zero);
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

    public override async Task Count(CountRequest request, IServerStreamWriter<EchoReply> responses, ServerCallContext context)
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

    public override async Task Chat(IAsyncStreamReader<EchoRequest> requests, IServerStreamWriter<EchoReply> responses, ServerCallContext context)
    {
        var sequence = 0;
        await foreach (var request in requests.ReadAllAsync(context.CancellationToken))
        {
            await responses.WriteAsync(new EchoReply { Sequence = ++sequence, Message = request.Message }, context.CancellationToken);
        }
    }
}
