using System.Collections.Immutable;

namespace OrleansTilsyn.Grains.Domain.Conversations;

/// <summary>One point of the samtale agenda; <see cref="Minutes"/> is the planned time, parts are its steps.</summary>
public sealed record AgendaItem(int Order, string Title, int Minutes, string Responsible, ImmutableArray<AgendaPart> Parts, string? RecordedAs);

/// <summary>A timed step inside an agenda point (e.g. group analysis of the data, 20 min).</summary>
public sealed record AgendaPart(string Title, int Minutes);
