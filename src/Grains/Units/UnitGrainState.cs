using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Units;

/// <summary>
/// What a unit grain stores: its loop (compact), the unit as it will be in the next loop when a flag
/// changed, an outbox of documents written by committed commands until their document grains have them,
/// and the client requests it applied (idempotency keys, with their answers).
/// </summary>
[StoredAsJson]
public sealed record UnitGrainState
{
    public StoredLoop? Loop { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Unit? NextLoopUnit { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<PendingDocument>? Outbox { get; init; }

    /// <summary>The client requests applied recently, with their answers (a repeat gets the first answer).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RequestLedger<CommandAck>? Requests { get; init; }
}

/// <summary>A document version committed with the unit's state and not yet confirmed by its document grain.</summary>
public sealed record PendingDocument(DocumentKind Kind, string Occurrence, DocumentVersionDto Version);
