using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>What is kept of a finished loop in the next one (the full loop state is the grain's audit history).</summary>
public sealed record LoopSummary(LoopId Loop, int WheelVersion, int ConversationsHeld, int ConversationsPlanned, int OneToOnesHeld, ImmutableArray<FocusArea> FocusAreas, Opsamling? Opsamling);
