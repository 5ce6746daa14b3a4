using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Organisation;

/// <summary>What the organisation directory stores: every unit, ordered by id, and the recent imports' requests with their summaries.</summary>
[StoredAsJson]
public sealed record OrganisationState
{
    public ImmutableArray<Unit> Units { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public RequestLedger<ImportSummary>? Requests { get; init; }
}
