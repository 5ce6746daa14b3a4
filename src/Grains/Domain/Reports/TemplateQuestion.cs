using System.Collections.Immutable;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>
/// One question of a template. Ids are unique within the whole template. <see cref="MaxLength"/> limits
/// a text answer or a yes/no explanation; options belong to choice questions only.
/// </summary>
public sealed record TemplateQuestion(string Id, string Text, AnswerKind Kind)
{
    public const int DefaultMaxLength = 4000;
    public const int MaxMaxLength = 20000;

    public bool Required { get; init; } = true;

    public int MaxLength { get; init; } = DefaultMaxLength;

    public ImmutableArray<ChoiceOption> Options { get; init; } = [];

    public ExplanationRule Explanation { get; init; } = ExplanationRule.WhenNo;

    public ChoiceOption? FindOption(string id) => Options.FirstOrDefault(o => o.Id == id);
}
