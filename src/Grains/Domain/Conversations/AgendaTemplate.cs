using System.Collections.Immutable;

namespace OrleansTilsyn.Grains.Domain.Conversations;

/// <summary>
/// The agenda of a læringssamtale, after the real agenda and minutes in the seeds: 2 hours along
/// the learning circle (data, reflection, decision, action). <c>RecordedAs</c> names the record
/// field the minutes of that point go into.
/// </summary>
public static class AgendaTemplate
{
    public static ImmutableArray<AgendaItem> LearningConversation { get; } =
    [
        new(1, "Velkomst", 5, "leader", [], "participants"),
        new(2, "Rammesætning af læringssamtalen", 5, "professional consultant", [], null),
        new(3, "Data", 35, "leader (data holder), facilitated by the consultant",
            [new("Presentation of the focus and the chosen data", 10), new("Analysis of the data in groups", 20), new("Plenary summing-up", 5)],
            "dataPoints"),
        new(4, "Refleksion", 30, "professional consultant",
            [new("Reflection in groups", 20), new("Possible actions", 5), new("Plenary: possible next steps", 5)],
            "possibleNextSteps"),
        new(5, "Pause", 10, "", [], null),
        new(6, "Beslutning", 10, "leader and holder (chief or board)", [], "decision"),
        new(7, "Handling", 10, "leader and holder (chief or board)", [], "agreements"),
        new(8, "Opsamling og konklusion", 10, "professional consultant", [], "childrenPerspective"),
        new(9, "Tak for i dag", 5, "leader", [], "closingRemarks"),
    ];

    public static int TotalMinutes => LearningConversation.Sum(i => i.Minutes);
}
