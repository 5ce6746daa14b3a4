using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Limits;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>
/// Rules for a template definition, every violation at once: ids valid and unique (sections, questions
/// across the template, options per question), titles and texts present, options only and at least two
/// for choices, sane length limits, and the framework's three parts in a supervision template.
/// </summary>
public static class TemplateValidator
{
    public const int MaxTitle = 300;
    public const int MaxQuestionText = 2000;

    /// <summary>Section ids every supervision template has (bilag 2: basistilsyn, kommunale retningslinjer, pædagogisk tilsyn).</summary>
    public static readonly IReadOnlyList<string> SupervisionSections = ["basistilsyn", "kommunale-retningslinjer", "paedagogisk-tilsyn"];

    public static IReadOnlyList<FieldViolation> Validate(string templateId, TemplateDefinition d)
    {
        var v = new Violations()
            .Require(IdRules.IsValid(templateId), "id", IdRules.Description)
            .RequireText(d.Title, "title", MaxTitle)
            .Require(Enum.IsDefined(d.Kind), "kind", "unknown template kind")
            .Require(!d.Sections.IsDefaultOrEmpty, "sections", "a template needs at least one section");
        if (d.Sections.IsDefault) return v.Items;
        v.RequireAtMost(d.Sections.Length, CollectionLimits.TemplateSections, "sections", "sections");
        var questions = d.Sections.SelectMany(s => s.Questions.IsDefault ? [] : s.Questions).ToList();
        v.RequireAtMost(questions.Count, CollectionLimits.TemplateQuestions, "sections", "questions in all sections together");
        if (d.Kind == TemplateKind.SupervisionReport)
            foreach (var missing in SupervisionSections.Except(d.Sections.Select(s => s.Id)))
                v.Add("sections", $"a supervision template needs the section '{missing}'");
        var sectionIds = new HashSet<string>();
        var questionIds = new HashSet<string>();
        for (var i = 0; i < d.Sections.Length; i++)
        {
            var s = d.Sections[i];
            var path = $"sections[{i}]";
            v.Require(IdRules.IsValid(s.Id), $"{path}.id", IdRules.Description)
                .Require(sectionIds.Add(s.Id ?? ""), $"{path}.id", $"section id '{s.Id}' is used twice")
                .RequireText(s.Title, $"{path}.title", MaxTitle)
                .Require(!s.Questions.IsDefaultOrEmpty, $"{path}.questions", "a section needs at least one question");
            if (s.Questions.IsDefault) continue;
            for (var j = 0; j < s.Questions.Length; j++)
                ValidateQuestion(v, s.Questions[j], $"{path}.questions[{j}]", questionIds);
        }
        if (!v.Any)
        {
            v.Require(TextLength(d) <= TextLimits.TemplateTotal, "sections", $"a template holds at most {TextLimits.TemplateTotal} characters of text in all");
            v.Require(AnswerCapacity(questions) <= TextLimits.TemplateAnswers, "sections", $"the answers to a template may hold at most {TextLimits.TemplateAnswers} characters in all (the sum of the questions' max lengths)");
            if (d.Kind == TemplateKind.BoardStatement)
                v.Require(StatementCapacity(questions) <= TextLimits.Statement, "sections", $"a board statement written on it could exceed the {TextLimits.Statement} characters a samtale takes (questions and max lengths together)");
        }
        return v.Items;
    }

    /// <summary>Every character of text the template shows.</summary>
    public static int TextLength(TemplateDefinition d) => d.Title.Length + d.Sections.Sum(s => s.Title.Length + s.Questions.Sum(q =>
        q.Text.Length + (q.Options.IsDefault ? 0 : q.Options.Sum(o => o.Label.Length))));

    /// <summary>The most text one full set of answers can hold (see <see cref="TextLimits.TemplateAnswers"/>).</summary>
    public static int AnswerCapacity(IEnumerable<TemplateQuestion> questions) => questions.Sum(q => q.Kind switch
    {
        AnswerKind.Attachment => AnswerRules.MaxAttachmentLength,
        AnswerKind.Choice => IdRules.MaxLength,
        _ => q.MaxLength,
    });

    /// <summary>The longest statement <see cref="StatementText"/> can make of answers to these questions: each question, a line, the answer; a blank line between.</summary>
    public static int StatementCapacity(IReadOnlyList<TemplateQuestion> questions) =>
        questions.Sum(q => q.Text.Length + 1 + q.Kind switch
        {
            AnswerKind.Attachment => AnswerRules.MaxAttachmentLength,
            AnswerKind.Choice => Math.Max(IdRules.MaxLength, q.Options.IsDefaultOrEmpty ? 0 : q.Options.Max(o => o.Label.Length)),
            AnswerKind.YesNo => "Nej – ".Length + q.MaxLength,
            _ => q.MaxLength,
        }) + (2 * Math.Max(0, questions.Count - 1));

    private static void ValidateQuestion(Violations v, TemplateQuestion q, string path, HashSet<string> questionIds)
    {
        v.Require(IdRules.IsValid(q.Id), $"{path}.id", IdRules.Description)
            .Require(questionIds.Add(q.Id ?? ""), $"{path}.id", $"question id '{q.Id}' is used twice in the template")
            .RequireText(q.Text, $"{path}.text", MaxQuestionText)
            .Require(Enum.IsDefined(q.Kind), $"{path}.kind", "unknown answer kind")
            .Require(Enum.IsDefined(q.Explanation), $"{path}.explanation", "unknown explanation rule")
            .Require(q.MaxLength is >= 1 and <= TemplateQuestion.MaxMaxLength, $"{path}.maxLength", $"must be 1-{TemplateQuestion.MaxMaxLength}");
        var options = q.Options.IsDefault ? [] : q.Options;
        v.RequireAtMost(options.Length, CollectionLimits.ChoiceOptions, $"{path}.options", "options");
        if (q.Kind != AnswerKind.Choice)
        {
            v.Require(options.IsEmpty, $"{path}.options", "only choice questions have options");
            return;
        }
        v.Require(options.Length >= 2, $"{path}.options", "a choice needs at least two options");
        var optionIds = new HashSet<string>();
        for (var k = 0; k < options.Length; k++)
            v.Require(IdRules.IsValid(options[k].Id), $"{path}.options[{k}].id", IdRules.Description)
                .Require(optionIds.Add(options[k].Id ?? ""), $"{path}.options[{k}].id", $"option id '{options[k].Id}' is used twice")
                .RequireText(options[k].Label, $"{path}.options[{k}].label", MaxTitle);
    }
}
