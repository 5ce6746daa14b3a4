namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>Counts for operations (never meeting content): is the unit's loop on track?</summary>
public sealed record LoopHealth(
    int ConversationsHeld,
    int ConversationsOverdue,
    int OneToOnesHeld,
    int OneToOnesOverdue,
    int OpenTasks,
    int OverdueTasks,
    int BoardReportsOverdue,
    int OpenAgreements,
    int AgreementsPastDue);
