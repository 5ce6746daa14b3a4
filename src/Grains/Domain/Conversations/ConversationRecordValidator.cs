using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Agreements;
using OrleansTilsyn.Grains.Domain.Limits;

namespace OrleansTilsyn.Grains.Domain.Conversations;

/// <summary>Checks the minutes of a samtale against the framework; returns every violation at once.</summary>
public static class ConversationRecordValidator
{
    public static IReadOnlyList<FieldViolation> Validate(ConversationRecordDraft d, RecordContext c)
    {
        var v = new Violations();
        var participants = d.Participants.IsDefault ? [] : d.Participants;
        v.Require(participants.Length > 0, "participants", "list who took part (name and function)");
        v.RequireAtMost(participants.Length, CollectionLimits.ParticipantsPerRecord, "participants", "participants");
        for (var i = 0; i < participants.Length; i++)
        {
            v.RequireText(participants[i].Name, $"participants[{i}].name", TextLimits.Name);
            v.RequireText(participants[i].Function, $"participants[{i}].function", TextLimits.Name);
        }
        CheckAttendance(participants.Select(p => p.Role).ToHashSet(), c, v);
        var basis = d.DataBasis.IsDefault ? [] : d.DataBasis;
        v.Require(basis.Contains(DataBasisKind.QuantitativeDataPackage), "dataBasis", "the samtale starts from the data package (A)");
        RequireLines(d.DataPoints, "dataPoints", "write the points from the analysis of the data", v);
        RequireLines(d.PossibleNextSteps, "possibleNextSteps", "write the possible next steps from the reflection", v);
        v.Require(Enum.IsDefined(d.DecisionKind), "decisionKind", "unknown kind of decision");
        v.RequireText(d.Decision, "decision", TextLimits.Entry);
        var agreements = d.Agreements.IsDefault ? [] : d.Agreements;
        v.Require(agreements.Length > 0, "agreements", "the samtale ends in concrete agreements (action, owner, due date)");
        v.RequireAtMost(agreements.Length, CollectionLimits.AgreementsPerRecord, "agreements", "agreements");
        AgreementDraft.Validate(agreements, "agreements", c.HeldOn, v);
        if (c.Slot.IsFirst) v.RequireText(d.ChildrenPerspective, "childrenPerspective", TextLimits.Entry);
        else v.Require((d.ChildrenPerspective?.Length ?? 0) <= TextLimits.Entry, "childrenPerspective", $"must be at most {TextLimits.Entry} characters");
        v.Require((d.ClosingRemarks?.Length ?? 0) <= TextLimits.Entry, "closingRemarks", $"must be at most {TextLimits.Entry} characters");
        if (!v.Any) v.Require(TotalLength(d) <= TextLimits.MinutesTotal, "record", $"the minutes may hold at most {TextLimits.MinutesTotal} characters in all");
        return v.Items;
    }

    private static void CheckAttendance(HashSet<ParticipantRole> present, RecordContext c, Violations v)
    {
        foreach (var r in c.Requirements)
        {
            var missing = r.Attendance switch
            {
                Attendance.EveryConversation => !present.Contains(r.Role),
                Attendance.FirstConversation => c.Slot.IsFirst && !present.Contains(r.Role),
                Attendance.OncePerYear => c.CheckYearlyAttendance && !present.Contains(r.Role) && !c.RolesElsewhereThisYear.Contains(r.Role),
                Attendance.OncePerLoop => c.CheckLoopAttendance && !present.Contains(r.Role) && !c.RolesElsewhereThisLoop.Contains(r.Role),
                _ => false,
            };
            if (missing) v.Add("participants", $"{r.Role} must attend {Describe(r.Attendance)}");
        }
        if (c.BoardPerspectiveRequired && !c.HasBoardStatement && !present.Contains(ParticipantRole.BoardRepresentative))
            v.Add("participants", "the board's perspective is required: add the board's statement or a board representative");
    }

    private static string Describe(Attendance a) => a switch
    {
        Attendance.EveryConversation => "every samtale",
        Attendance.FirstConversation => "the first samtale after the political treatment",
        Attendance.OncePerYear => "at least one samtale each loop year",
        _ => "at least one samtale in the loop",
    };

    private static void RequireLines(System.Collections.Immutable.ImmutableArray<string> lines, string field, string message, Violations v)
    {
        var list = lines.IsDefault ? [] : lines;
        v.Require(list.Length > 0, field, message);
        v.RequireAtMost(list.Length, CollectionLimits.LinesPerList, field, "points");
        for (var i = 0; i < list.Length; i++) v.RequireText(list[i], $"{field}[{i}]", TextLimits.Entry);
    }

    /// <summary>Every character the minutes hold (the lists' caps alone would allow several times <see cref="TextLimits.MinutesTotal"/>).</summary>
    public static int TotalLength(ConversationRecordDraft d) =>
        Sum(d.Participants, p => p.Name.Length + p.Function.Length) + Sum(d.DataPoints, l => l.Length) + Sum(d.PossibleNextSteps, l => l.Length)
        + d.Decision.Length + Sum(d.Agreements, a => a.Action.Length + a.Owner.Length)
        + (d.ClosingRemarks?.Length ?? 0) + (d.ChildrenPerspective?.Length ?? 0);

    private static int Sum<T>(System.Collections.Immutable.ImmutableArray<T> items, Func<T, int> length) => items.IsDefault ? 0 : items.Sum(length);
}
