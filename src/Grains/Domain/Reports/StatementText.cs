using System.Text;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>
/// A submitted board statement as plain text for the loop's <c>ConversationCommands.AddBoardStatement</c>
/// (and the quality report): each answered question's text, a line, then the answer.
/// </summary>
public static class StatementText
{
    public static string From(ReportTemplate t, ReportSubmission s)
    {
        if (t.Ref != s.Receipt.Template) throw new DomainInvariantException($"Statement {s.Receipt.Report} is written on {s.Receipt.Template}, not {t.Ref}.");
        var b = new StringBuilder();
        foreach (var (_, q) in t.Questions)
        {
            if (s.Answers.FirstOrDefault(a => a.Question == q.Id) is not { } a) continue;
            var value = a.Text ?? a.Attachment ?? (a.Choice is { } c ? q.FindOption(c)?.Label ?? c : null)
                ?? (a.Yes is { } yes ? (yes ? "Ja" : "Nej") + (a.Explanation is { } e ? $" – {e}" : "") : null);
            if (b.Length > 0) b.Append("\n\n");
            b.Append(q.Text).Append('\n').Append(value);
        }
        return b.ToString();
    }
}
