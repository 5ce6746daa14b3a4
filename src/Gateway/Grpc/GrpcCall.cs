using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrleansTilsyn.Gateway.Telemetry;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>One call in progress: runs the handler under the call's deadline and cancellation,
/// serialises its writes, and ends the response with exactly one status.</summary>
internal sealed class GrpcCall : IDisposable
{
    private static readonly GrpcStatus DeadlineExceeded = new(StatusCode.DeadlineExceeded, "Deadline exceeded.");

    private readonly HttpContext _http;
    private readonly GrpcMethod _method;
    private readonly CallTransport _transport;
    private readonly GrpcGatewayOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource? _deadlineSource;
    private readonly CancellationTokenSource? _callSource;
    private bool _completed;
    private volatile bool _requestStreamFailed;
    private Activity? _span;

    public GrpcCall(
        HttpContext http,
        GrpcMethod method,
        GrpcProtocol protocol,
        CallTransport transport,
        TimeSpan? timeout,
        Metadata requestHeaders,
        GrpcGatewayOptions options,
        ILogger logger)
    {
        _http = http;
        _method = method;
        _transport = transport;
        _options = options;
        _logger = logger;

        var token = http.RequestAborted;
        DateTimeOffset? deadline = null;
        if (timeout is { } t && t <= GrpcTimeout.MaxSupported)
        {
            // Deadlines are infrastructure time: always the real clock, never the domain clock.
            deadline = TimeProvider.System.GetUtcNow() + t;
            _deadlineSource = new CancellationTokenSource(t, TimeProvider.System);
            _callSource = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _deadlineSource.Token);
            token = _callSource.Token;
        }

        Context = new GrpcCallContext(http, method.Path, protocol, deadline, token, requestHeaders);
        transport.ResponseHeaders = Context.ResponseHeaders;
        transport.ResponseTrailers = Context.ResponseTrailers;
    }

    public GrpcCallContext Context { get; }

    private bool DeadlinePassed => _deadlineSource?.IsCancellationRequested == true;

    /// <summary>The client cancelled or went away. A reset stream can fail a pending request read before Kestrel
    /// signals RequestAborted, so a failed read of the request counts too.</summary>
    private bool ClientGone => _requestStreamFailed || _http.RequestAborted.IsCancellationRequested;

    public async Task RunAsync()
    {
        using var span = GatewayTelemetry.StartCall(_http, _method.Path);
        _span = span;
        var handler = InvokeHandlerAsync();
        if (_deadlineSource is not null)
        {
            var deadlinePassed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (_deadlineSource.Token.Register(() => deadlinePassed.TrySetResult()))
            {
                if (await Task.WhenAny(handler, deadlinePassed.Task) != handler)
                {
                    // Tell the client now, even if the handler is slow to notice its cancelled token.
                    await CompleteAsync(DeadlineExceeded);
                    await EndResponseAsync();
                }
            }
        }

        var status = await AwaitHandlerAsync(handler);
        if (ClientGone)
        {
            GrpcLog.CallCancelledByClient(_logger, _method.Path);
            return;
        }

        await CompleteAsync(status);
    }

    /// <summary>The single request of a unary or server-streaming call.</summary>
    public async Task<IMessage> ReadSingleRequestAsync(MessageDescriptor descriptor)
    {
        var token = Context.CancellationToken;
        var request = await ReadFromClientAsync(descriptor, token)
            ?? throw GrpcErrors.Internal("The request did not include a message.");
        if (await ReadFromClientAsync(descriptor, token) is not null)
        {
            throw GrpcErrors.Internal("The request included more than one message for a method that takes one.");
        }

        return request;
    }

    public ValueTask<IMessage?> ReadRequestAsync(MessageDescriptor descriptor, CancellationToken cancellationToken) =>
        ReadFromClientAsync(descriptor, cancellationToken);

    private async ValueTask<IMessage?> ReadFromClientAsync(MessageDescriptor descriptor, CancellationToken cancellationToken)
    {
        try
        {
            return await _transport.ReadMessageAsync(descriptor, cancellationToken);
        }
        catch (IOException e) when (e is not BadHttpRequestException)
        {
            // "The client reset the request stream." / connection reset: the client is gone, not a server failure.
            _requestStreamFailed = true;
            throw;
        }
    }

    public async Task WriteMessageAsync(IMessage message, bool flush, CancellationToken cancellationToken)
    {
        using var linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Context.CancellationToken)
            : null;
        var token = linked?.Token ?? Context.CancellationToken;
        await _writeLock.WaitAsync(token);
        try
        {
            if (_completed)
            {
                throw new InvalidOperationException($"Cannot write to {_method.Path}: the call has already completed.");
            }

            await _transport.WriteMessageAsync(message, flush, token);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        _callSource?.Dispose();
        _deadlineSource?.Dispose();
        _writeLock.Dispose();
    }

    // Async so that a handler throwing before its first await still yields a faulted task.
    private async Task InvokeHandlerAsync() => await _method.InvokeAsync(this);

    private async Task<GrpcStatus> AwaitHandlerAsync(Task handler)
    {
        try
        {
            await handler;
            // A handler that ends quietly when its token is cancelled (a stream that just stops) ran out of time.
            return DeadlinePassed ? DeadlineExceeded : GrpcStatus.Ok;
        }
        catch (GrpcStatusException e)
        {
            Context.ResponseTrailers.AddRange(e.Trailers);
            return e.Status;
        }
        catch (OperationCanceledException) when (DeadlinePassed)
        {
            return DeadlineExceeded;
        }
        catch (Exception) when (ClientGone)
        {
            return new GrpcStatus(StatusCode.Cancelled, "The client cancelled the call.");
        }
        catch (BadHttpRequestException e)
        {
            GrpcLog.BadRequestBody(_logger, _method.Path, e.Message);
            return new GrpcStatus(StatusCode.Internal, "The request body could not be read.");
        }
        catch (Exception e) when (_completed)
        {
            GrpcLog.HandlerFailedAfterCompletion(_logger, e, _method.Path);
            return new GrpcStatus(StatusCode.Internal, "");
        }
        catch (Exception e)
        {
            GrpcLog.HandlerFailed(_logger, e, _method.Path);
            var message = _options.EnableDetailedErrors
                ? $"Exception was thrown by handler. {e.GetType().Name}: {e.Message}"
                : "Exception was thrown by handler.";
            return new GrpcStatus(StatusCode.Internal, message);
        }
    }

    private async Task CompleteAsync(GrpcStatus status)
    {
        await _writeLock.WaitAsync();
        try
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            GatewayTelemetry.SetStatus(_span, (int)status.Code, status.Message);
            await _transport.WriteStatusAsync(status);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException || ClientGone)
        {
            GrpcLog.StatusNotSent(_logger, _method.Path, e.Message);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task EndResponseAsync()
    {
        try
        {
            await _http.Response.CompleteAsync();
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            GrpcLog.StatusNotSent(_logger, _method.Path, e.Message);
        }
    }
}
