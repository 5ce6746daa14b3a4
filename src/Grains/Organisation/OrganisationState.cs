using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Organisation;

/// <summary>What the organisation directory stores: every unit, ordered by id.</summary>
public sealed record OrganisationState
{
    public ImmutableArray<Unit> Units { get; init; } = [];
}
