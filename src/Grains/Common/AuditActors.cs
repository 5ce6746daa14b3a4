using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Grains.Audit;

namespace OrleansTilsyn.Grains.Common;

/// <summary>The one place where the caller of a grain call becomes the actor of an audit event.</summary>
public static class AuditActors
{
    /// <summary>The caller as the audit records it; the service itself when no caller was set.</summary>
    public static AuditActor Of(CallerIdentity? caller) =>
        caller is null ? AuditActor.System : AuditActor.From(caller);
}
