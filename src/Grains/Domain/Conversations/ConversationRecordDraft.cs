using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Agreements;
using OrleansTilsyn.Grains.Domain.Documents;

namespace OrleansTilsyn.Grains.Domain.Conversations;

/// <summary>The minutes of a samtale along the learning circle, as written in the follow-up record.</summary>
public sealed record ConversationRecordDraft(
    ImmutableArray<Participant> Participants,
    ImmutableArray<DataBasisKind> DataBasis,
    ImmutableArray<string> DataPoints,
    ImmutableArray<string> PossibleNextSteps,
    DecisionKind DecisionKind,
    string Decision,
    ImmutableArray<AgreementDraft> Agreements,
    string? ClosingRemarks,
    string? ChildrenPerspective) : DocumentContent;
