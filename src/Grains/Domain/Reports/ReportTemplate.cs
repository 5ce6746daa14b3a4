using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>A published template version: never changed once published; a new version is a new record.</summary>
public sealed record ReportTemplate(
    string Id,
    int Version,
    string Title,
    TemplateKind Kind,
    ImmutableArray<TemplateSection> Sections,
    string PublishedBy,
    DateTimeOffset PublishedAt)
{
    [JsonIgnore]
    public TemplateRef Ref => new(Id, Version);

    [JsonIgnore]
    public TemplateDefinition Definition => new(Title, Kind, Sections);

    [JsonIgnore]
    public IEnumerable<(TemplateSection Section, TemplateQuestion Question)> Questions =>
        Sections.SelectMany(s => s.Questions.Select(q => (s, q)));

    public (TemplateSection Section, TemplateQuestion Question)? Find(string questionId) =>
        Questions.Where(x => x.Question.Id == questionId).Select(x => ((TemplateSection, TemplateQuestion)?)x).FirstOrDefault();

    public static string QuestionPath(TemplateSection section, TemplateQuestion question) =>
        $"sections[{section.Id}].questions[{question.Id}]";
}
