using System.Collections.Immutable;
using System.Text;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>
/// Checks answers against their template. <see cref="Normalize"/> + <see cref="CheckShape"/> run on every
/// draft save (partial answers are fine); <see cref="CheckComplete"/> adds the required-answer and
/// explanation rules on submission. Field paths: <c>sections[{section}].questions[{question}].{field}</c>.
/// </summary>
public static class AnswerRules
{
    public const int MaxAttachmentLength = 500;

    /// <summary>
    /// Text made canonical: line breaks as \n, Unicode NFC, trimmed; blank becomes null. Answers left
    /// empty are dropped and the rest put in template order. Text that cannot be normalised (a lone
    /// surrogate) is left as is for <see cref="CheckShape"/> to refuse.
    /// </summary>
    public static ImmutableArray<Answer> Normalize(ReportTemplate t, IEnumerable<Answer> answers)
    {
        var order = t.Questions.Select((x, i) => (x.Question.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return [.. answers
            .Select(a => a with
            {
                Text = Clean(a.Text), Choice = Clean(a.Choice), Attachment = Clean(a.Attachment), Explanation = Clean(a.Explanation),
            })
            .Where(a => !a.IsEmpty)
            .OrderBy(a => order.GetValueOrDefault(a.Question ?? "", int.MaxValue))];
    }

    /// <summary>Shape only: known question, one answer per question, the field of its kind, a valid option, lengths, characters.</summary>
    public static IReadOnlyList<FieldViolation> CheckShape(ReportTemplate t, ImmutableArray<Answer> answers)
    {
        var v = new Violations();
        var seen = new HashSet<string>();
        for (var i = 0; i < answers.Length; i++)
        {
            var a = answers[i];
            if (a.Question is null || t.Find(a.Question) is not { } found)
            {
                v.Add($"questions[{a.Question}]", $"is not a question of template {t.Ref}");
                continue;
            }
            var (section, q) = found;
            var path = ReportTemplate.QuestionPath(section, q);
            if (!seen.Add(q.Id)) v.Add(path, "is answered more than once");
            CheckFields(v, q, a, path);
        }
        return v.Items;
    }

    /// <summary>Everything a submission needs: the shape, every required answer, every explanation the rule asks for.</summary>
    public static IReadOnlyList<FieldViolation> CheckComplete(ReportTemplate t, ImmutableArray<Answer> answers)
    {
        var v = new Violations().AddRange(CheckShape(t, answers));
        foreach (var (section, q) in t.Questions)
        {
            var path = ReportTemplate.QuestionPath(section, q);
            var a = answers.FirstOrDefault(x => x.Question == q.Id);
            if (a is null || !HasValue(q, a))
            {
                v.Require(!q.Required, path, "is required");
                continue;
            }
            if (q.Kind == AnswerKind.YesNo && NeedsExplanation(q.Explanation, a.Yes!.Value) && a.Explanation is null)
                v.Add($"{path}.explanation", a.Yes.Value ? "explain the yes answer" : "explain the no answer");
        }
        return v.Items;
    }

    public static bool NeedsExplanation(ExplanationRule rule, bool yes) => rule switch
    {
        ExplanationRule.WhenNo => !yes,
        ExplanationRule.WhenYes => yes,
        ExplanationRule.Always => true,
        _ => false,
    };

    private static bool HasValue(TemplateQuestion q, Answer a) => q.Kind switch
    {
        AnswerKind.YesNo => a.Yes is not null,
        AnswerKind.Text => a.Text is not null,
        AnswerKind.Choice => a.Choice is not null,
        _ => a.Attachment is not null,
    };

    private static void CheckFields(Violations v, TemplateQuestion q, Answer a, string path)
    {
        var kind = q.Kind switch
        {
            AnswerKind.YesNo => "a yes/no question",
            AnswerKind.Text => "a text question",
            AnswerKind.Choice => "a choice question",
            _ => "an attachment question",
        };
        v.Require(a.Yes is null || q.Kind == AnswerKind.YesNo, $"{path}.yes", $"not used by {kind}")
            .Require(a.Text is null || q.Kind == AnswerKind.Text, $"{path}.text", $"not used by {kind}")
            .Require(a.Choice is null || q.Kind == AnswerKind.Choice, $"{path}.choice", $"not used by {kind}")
            .Require(a.Attachment is null || q.Kind == AnswerKind.Attachment, $"{path}.attachment", $"not used by {kind}")
            .Require(a.Explanation is null || q.Kind == AnswerKind.YesNo, $"{path}.explanation", $"not used by {kind}");
        if (q.Kind == AnswerKind.Choice && a.Choice is { } choice && q.FindOption(choice) is null)
            v.Add($"{path}.choice", $"must be one of: {string.Join(", ", q.Options.Select(o => o.Id))}");
        if (q.Kind == AnswerKind.Attachment && a.Attachment is { } reference && !IsReference(reference))
            v.Add($"{path}.attachment", $"a reference is 1-{MaxAttachmentLength} visible characters without spaces");
        CheckText(v, a.Text, $"{path}.text", q.MaxLength);
        CheckText(v, a.Explanation, $"{path}.explanation", q.MaxLength);
    }

    private static void CheckText(Violations v, string? text, string field, int maxLength)
    {
        if (text is null) return;
        if (text.Length > maxLength) v.Add(field, $"must be at most {maxLength} characters");
        if (!IsCleanText(text)) v.Add(field, "contains control characters or invalid Unicode");
    }

    private static bool IsReference(string s) =>
        s.Length <= MaxAttachmentLength && IsCleanText(s) && !s.Any(char.IsWhiteSpace);

    private static bool IsCleanText(string s)
    {
        if (s.Any(c => char.IsControl(c) && c is not '\n' and not '\t')) return false;
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return false;
        }
        return true;
    }

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Trim();
        try
        {
            return lines.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return lines;
        }
    }
}
