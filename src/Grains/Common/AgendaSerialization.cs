using System.Collections.Immutable;
using Orleans;
using OrleansTilsyn.Grains.Domain.Loop;

namespace OrleansTilsyn.Grains.Common;

// The domain's Agenda and DueItem carry no Orleans attributes (the domain stays free of Orleans); Orleans serializes
// them through these surrogates. The ids and aliases are stored in grain state: never change them.

[GenerateSerializer, Immutable, Alias("tilsyn.DueItem")]
public readonly record struct DueItemSurrogate([property: Id(0)] string Name, [property: Id(1)] DateTimeOffset DueAt);

[GenerateSerializer, Immutable, Alias("tilsyn.Agenda")]
public readonly record struct AgendaSurrogate([property: Id(0)] ImmutableArray<DueItem> Items);

[RegisterConverter]
public sealed class DueItemConverter : IConverter<DueItem, DueItemSurrogate>
{
    public DueItem ConvertFromSurrogate(in DueItemSurrogate surrogate) => new(surrogate.Name, surrogate.DueAt);

    public DueItemSurrogate ConvertToSurrogate(in DueItem value) => new(value.Name, value.DueAt);
}

/// <summary>Builds the agenda through its constructor, so a stored agenda is checked (one item per name, bounded) as it is read.</summary>
[RegisterConverter]
public sealed class AgendaConverter : IConverter<Agenda, AgendaSurrogate>
{
    public Agenda ConvertFromSurrogate(in AgendaSurrogate surrogate) => new(surrogate.Items);

    public AgendaSurrogate ConvertToSurrogate(in Agenda value) => new(value.Items);
}
