using Orleans;

namespace OrleansTilsyn.Contracts.Calls;

/// <summary>
/// The idempotency key of the client request a grain command serves: <see cref="Key"/> names the caller, method and
/// <c>request_id</c> (hashed), <see cref="Fingerprint"/> the request's content, <see cref="SentAt"/> the gateway's real
/// time when it passed the request on (entries expire on that clock, not on the domain clock, which a demo or
/// simulation may run faster). The grain that runs the command keeps the key with the change in its committed state,
/// so a repeat at any silo, also after a restart, gets the first answer instead of a second change.
/// </summary>
[GenerateSerializer, Immutable, Alias("tilsyn.RequestKey")]
public sealed record RequestKey(
    [property: Id(0)] string Key,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] DateTimeOffset SentAt);
