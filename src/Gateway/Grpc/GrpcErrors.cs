using Google.Rpc;
using Grpc.Core;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>Builds <see cref="GrpcStatusException"/>s, with the standard google.rpc detail messages
/// where a client can act on them.</summary>
public static class GrpcErrors
{
    /// <summary>Largest google.rpc.BadRequest sent in <c>grpc-status-details-bin</c>: it travels in a trailer,
    /// and clients limit metadata (8-16 KiB is common). Further violations are summed up in a last one.</summary>
    public const int MaxBadRequestBytes = 4096;

    private const int MaxFieldLength = 200;
    private const int MaxDescriptionLength = 500;

    /// <summary>INVALID_ARGUMENT with a google.rpc.BadRequest listing each invalid field (as many as fit in
    /// <see cref="MaxBadRequestBytes"/>; long paths and descriptions are shortened).</summary>
    public static GrpcStatusException InvalidArgument(string message, params (string Field, string Description)[] violations)
    {
        var badRequest = new BadRequest();
        for (var i = 0; i < violations.Length; i++)
        {
            var violation = new BadRequest.Types.FieldViolation
            {
                Field = Shorten(violations[i].Field, MaxFieldLength),
                Description = Shorten(violations[i].Description, MaxDescriptionLength),
            };
            if (badRequest.CalculateSize() + violation.CalculateSize() > MaxBadRequestBytes - 100)
            {
                badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = "", Description = $"{violations.Length - i} more violation(s) not shown" });
                break;
            }

            badRequest.FieldViolations.Add(violation);
        }

        return new GrpcStatusException(StatusCode.InvalidArgument, message, violations.Length == 0 ? null : [badRequest]);
    }

    /// <summary>The text, cut to <paramref name="max"/> characters with an ellipsis (for values echoed in errors).</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    /// <summary>FAILED_PRECONDITION with a google.rpc.PreconditionFailure (type, subject, description).</summary>
    public static GrpcStatusException FailedPrecondition(string message, params (string Type, string Subject, string Description)[] violations)
    {
        var failure = new PreconditionFailure();
        foreach (var (type, subject, description) in violations)
        {
            failure.Violations.Add(new PreconditionFailure.Types.Violation { Type = type, Subject = subject, Description = description });
        }

        return new GrpcStatusException(StatusCode.FailedPrecondition, message, violations.Length == 0 ? null : [failure]);
    }

    /// <summary>Any status with a google.rpc.ErrorInfo carrying a stable, machine-readable reason.</summary>
    public static GrpcStatusException WithReason(
        StatusCode code, string message, string reason, string domain, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var info = new ErrorInfo { Reason = reason, Domain = domain };
        if (metadata is not null)
        {
            foreach (var (key, value) in metadata)
            {
                info.Metadata[key] = value;
            }
        }

        return new GrpcStatusException(code, message, [info]);
    }

    public static GrpcStatusException NotFound(string message) => new(StatusCode.NotFound, message);

    public static GrpcStatusException AlreadyExists(string message) => new(StatusCode.AlreadyExists, message);

    public static GrpcStatusException PermissionDenied(string message) => new(StatusCode.PermissionDenied, message);

    public static GrpcStatusException Unauthenticated(string message) => new(StatusCode.Unauthenticated, message);

    public static GrpcStatusException Aborted(string message) => new(StatusCode.Aborted, message);

    public static GrpcStatusException Unavailable(string message) => new(StatusCode.Unavailable, message);

    internal static GrpcStatusException Internal(string message) => new(StatusCode.Internal, message);
}
