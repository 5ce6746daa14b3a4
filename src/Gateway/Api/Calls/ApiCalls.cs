using Grpc.Core;
using Google.Protobuf;
using OrleansTilsyn.Contracts.Results;
using Orleans;
using Orleans.Runtime;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;

namespace OrleansTilsyn.Gateway.Api.Calls;

/// <summary>
/// What every tilsyn.v1 handler does around its grain calls: resolve the caller and check access, run
/// the grain call as the caller (<see cref="CallerContext.As"/>, so the change is attributed to the person), stop
/// waiting when the call's deadline passes or the client cancels, and turn domain problems and runtime
/// failures into gRPC statuses. Changes with a <c>request_id</c> carry its key (<see cref="RequestKeys"/>) to the
/// grain, which applies them once per caller, method and key; <see cref="IdempotencyCache"/> keeps the exact answer.
/// </summary>
public sealed partial class ApiCalls(
    IGrainFactory grains, AccessPolicy policy, IPortfolioLookup units, RequestKeys requestKeys, IdempotencyCache answers,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock, ILogger<ApiCalls> logger)
{
    public IGrainFactory Grains => grains;

    /// <summary>The domain clock (the same the grains use).</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    public T Grain<T>(string key) where T : IGrainWithStringKey => grains.GetGrain<T>(key);

    /// <summary>The caller, allowed to do <paramref name="action"/> on the unit (PERMISSION_DENIED or NOT_FOUND otherwise).</summary>
    public async Task<Caller> UnitAccessAsync(ServerCallContext context, ApiAction action, string unitId)
    {
        var caller = context.GetCaller();
        var decision = await policy.CheckUnitAsync(caller, action, unitId, context.CancellationToken);
        decision.ThrowIfNotAllowed();
        return caller;
    }

    /// <summary>The facts access control knows of a unit (null: no such unit).</summary>
    public ValueTask<UnitAccessFacts?> FindUnitAsync(string unitId, CancellationToken cancellationToken) => units.FindUnitAsync(unitId, cancellationToken);

    /// <summary>The caller, allowed to do a cross-unit <paramref name="action"/>.</summary>
    public static Caller GlobalAccess(ServerCallContext context, ApiAction action)
    {
        var caller = context.GetCaller();
        AccessPolicy.CheckGlobal(caller, action).ThrowIfNotAllowed();
        return caller;
    }

    /// <summary>A grain call that answers a <see cref="Result{T}"/>: its value, or its problem as a gRPC status.</summary>
    public async Task<T> AskAsync<T>(Caller caller, CancellationToken cancellationToken, Func<Task<Result<T>>> call, string? subject = null, Func<string, string>? fields = null)
    {
        var result = await RunAsync(caller, cancellationToken, call);
        return result.IsSuccess ? result.Value : throw result.Problem.ToGrpc(subject, fields);
    }

    /// <summary>A grain call as <paramref name="caller"/>; waiting stops at the deadline (the call itself is not undone).</summary>
    public async Task<T> RunAsync<T>(Caller caller, CancellationToken cancellationToken, Func<Task<T>> call)
    {
        using (CallerContext.As(caller.ToIdentity()))
        {
            try
            {
                return await call().WaitAsync(cancellationToken);
            }
            catch (Exception e) when (Translate(e) is { } status)
            {
                throw status;
            }
        }
    }

    /// <summary>Sets the caller as the actor of grain calls until disposed (for streams; single calls use <see cref="RunAsync"/>).</summary>
    public static IDisposable ActAs(Caller caller) => CallerContext.As(caller.ToIdentity());

    /// <summary>The gRPC status of a failure of a grain call, or null for failures that are not the domain's or the runtime's
    /// (cancellation, bugs: the protocol layer maps those).</summary>
    public static GrpcStatusException? Translate(Exception error) => error switch
    {
        ProblemException e => e.Problem.ToGrpc(),
        Orleans.Storage.InconsistentStateException => GrpcErrors.Aborted("A concurrent change won; nothing was applied. Read again and retry."),
        AuditBacklogFullException => GrpcErrors.Unavailable("The audit log is unavailable; nothing was changed. Retry later."),
        TimeoutException => new GrpcStatusException(
            StatusCode.DeadlineExceeded, "The service did not answer in time; a change may still be applied. Read again before retrying."),
        StorageUnavailableException => GrpcErrors.Unavailable("The store is unavailable; nothing was changed. Retry later."),
        _ => null,
    };

    /// <summary>
    /// A change: logged with the person behind it, and with a non-empty <paramref name="requestId"/> applied
    /// once per (caller, method, key) by the grain that keeps the key in its state — a repeat, also after a
    /// restart or at another gateway, gets the first answer; a repeat with another request is INVALID_ARGUMENT.
    /// The change then runs to its end even when the caller stops waiting, so a retry after a deadline finds
    /// its outcome.
    /// </summary>
    public async Task<TResponse> ChangeAsync<TResponse>(
        ServerCallContext context, Caller caller, IMessage request, string requestId, Func<CancellationToken, Task<TResponse>> change)
        where TResponse : class, IMessage
    {
        var key = requestKeys.For(context, caller, requestId, request);
        LogChange(logger, caller.PersonId, caller.AttributedAs, context.Method, requestId);
        if (key is null)
        {
            return await change(context.CancellationToken);
        }

        return await answers.RunOnceAsync(key.Key, request.ToByteArray(), async () =>
        {
            using (RequestKeyContext.For(key))
            {
                return await change(CancellationToken.None);
            }
        }).WaitAsync(context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Change by {Person} as {Actor}: {Method} (request_id '{RequestId}')")]
    private static partial void LogChange(ILogger logger, string person, string actor, string method, string requestId);
}
