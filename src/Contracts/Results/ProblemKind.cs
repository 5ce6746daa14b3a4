using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Results;

/// <summary>Why a command was refused. The gateway maps each kind to one gRPC status.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProblemKind>))]
[GenerateSerializer, Alias("tilsyn.ProblemKind")]
public enum ProblemKind
{
    /// <summary>The input is malformed or breaks a rule (INVALID_ARGUMENT).</summary>
    Invalid,
    /// <summary>The thing addressed does not exist (NOT_FOUND).</summary>
    NotFound,
    /// <summary>The input is fine but the current state does not allow it (FAILED_PRECONDITION).</summary>
    FailedPrecondition,
    /// <summary>The caller may not do this (PERMISSION_DENIED).</summary>
    PermissionDenied,
    /// <summary>A concurrent or contradicting change won (ABORTED / conflict).</summary>
    Conflict,
    /// <summary>The thing to create exists already (ALREADY_EXISTS).</summary>
    AlreadyExists,
}
