using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>Turns a domain <see cref="Problem"/> into the gRPC status the API promises: INVALID_ARGUMENT
/// with a google.rpc.BadRequest of every field violation, NOT_FOUND, FAILED_PRECONDITION with a
/// google.rpc.PreconditionFailure, PERMISSION_DENIED, ABORTED for a lost concurrent change, ALREADY_EXISTS.</summary>
public static class ProblemErrors
{
    /// <summary>Violation type of the PreconditionFailure sent with FAILED_PRECONDITION.</summary>
    public const string StatePrecondition = "STATE";

    /// <param name="problem">The domain's answer.</param>
    /// <param name="subject">The resource the precondition is about (for FAILED_PRECONDITION), if known.</param>
    /// <param name="fields">Maps the domain's field paths onto request field paths (see <see cref="FieldPaths"/>).</param>
    public static GrpcStatusException ToGrpc(this Problem problem, string? subject = null, Func<string, string>? fields = null) => problem.Kind switch
    {
        ProblemKind.Invalid => GrpcErrors.InvalidArgument(problem.Message, [.. problem.Violations.Select(v => ((fields ?? FieldPaths.ToRequest)(v.Field), v.Description))]),
        ProblemKind.NotFound => GrpcErrors.NotFound(problem.Message),
        ProblemKind.FailedPrecondition => GrpcErrors.FailedPrecondition(problem.Message, (StatePrecondition, subject ?? "", problem.Message)),
        ProblemKind.PermissionDenied => GrpcErrors.PermissionDenied(problem.Message),
        ProblemKind.Conflict => GrpcErrors.Aborted(problem.Message),
        ProblemKind.AlreadyExists => GrpcErrors.AlreadyExists(problem.Message),
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem.Kind, "Unknown problem kind."),
    };

    /// <summary>The value of a successful result; the problem as a gRPC status otherwise.</summary>
    public static T OrThrow<T>(this Result<T> result) => result.IsSuccess ? result.Value : throw result.Problem.ToGrpc();

    /// <summary>The value of a successful result; the problem as a gRPC status with its field paths mapped by <paramref name="fields"/> otherwise.</summary>
    public static T OrThrow<T>(this Result<T> result, Func<string, string> fields) => result.IsSuccess ? result.Value : throw result.Problem.ToGrpc(fields: fields);
}
