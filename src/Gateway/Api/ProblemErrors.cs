using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>Turns a domain <see cref="Problem"/> into the gRPC status the API promises: INVALID_ARGUMENT
/// with a google.rpc.BadRequest of every field violation, NOT_FOUND, FAILED_PRECONDITION,
/// PERMISSION_DENIED, ABORTED for a lost concurrent change, ALREADY_EXISTS.</summary>
public static class ProblemErrors
{
    public static GrpcStatusException ToGrpc(this Problem problem) => problem.Kind switch
    {
        ProblemKind.Invalid => GrpcErrors.InvalidArgument(problem.Message, [.. problem.Violations.Select(v => (v.Field, v.Description))]),
        ProblemKind.NotFound => GrpcErrors.NotFound(problem.Message),
        ProblemKind.FailedPrecondition => GrpcErrors.FailedPrecondition(problem.Message),
        ProblemKind.PermissionDenied => GrpcErrors.PermissionDenied(problem.Message),
        ProblemKind.Conflict => GrpcErrors.Aborted(problem.Message),
        ProblemKind.AlreadyExists => GrpcErrors.AlreadyExists(problem.Message),
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem.Kind, "Unknown problem kind."),
    };

    /// <summary>The value of a successful result; the problem as a gRPC status otherwise.</summary>
    public static T OrThrow<T>(this Result<T> result) => result.IsSuccess ? result.Value : throw result.Problem.ToGrpc();
}
