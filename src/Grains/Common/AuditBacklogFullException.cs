using Orleans;

namespace OrleansTilsyn.Grains.Common;

/// <summary>
/// A commit was refused because the audit log has not confirmed the grain's last
/// <see cref="CommittingGrain{TState}.MaxUnconfirmedAudit"/> events and still fails: nothing was changed. The
/// service is unavailable for changes to this grain until the audit log is reachable again (gRPC UNAVAILABLE).
/// </summary>
[GenerateSerializer, Alias("tilsyn.AuditBacklogFullException")]
public sealed class AuditBacklogFullException : Exception
{
    public AuditBacklogFullException(string grain, int unconfirmed)
        : base($"The audit log has not confirmed the last {unconfirmed} changes of {grain} and is unreachable; nothing was changed. Retry later.")
    {
        Grain = grain;
    }

    [Id(0)]
    public string Grain { get; }
}
