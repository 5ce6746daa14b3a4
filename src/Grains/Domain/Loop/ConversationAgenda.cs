using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Agreements;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>
/// What a samtale is prepared from: the agenda template, who holds it and who must attend, the
/// themes (first samtale) or focus areas (later ones), how many statements the board wrote (read them
/// from the statement document) and the open agreements.
/// </summary>
public sealed record ConversationAgenda(
    ConversationSlot Slot,
    ConversationHolder Holder,
    ImmutableArray<AgendaItem> Items,
    ImmutableArray<ParticipantRequirement> RequiredParticipants,
    ImmutableArray<PoliticalTheme> Themes,
    ImmutableArray<FocusArea> FocusAreas,
    int BoardStatements,
    ImmutableArray<Agreement> OpenAgreements);
