using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain;
using OrleansTilsyn.Grains.Domain.Reports;
using OrleansTilsyn.Grains.Domain.Supervision;

namespace OrleansTilsyn.Grains.Mapping;

/// <summary>Written reports, templates and supervision cases between the domain and the contracts.</summary>
public static class ReportMapping
{
    public static ReportTemplateDto ToDto(this ReportTemplate t) =>
        new(t.Id, t.Version, t.Title, t.Kind.ToString(), [.. t.Sections.Select(ToDto)], t.PublishedBy, t.PublishedAt);

    public static ReportTemplate ToDomain(this ReportTemplateDto t) =>
        new(t.Id, t.Version, t.Title, Enum.Parse<TemplateKind>(t.Kind), [.. t.Sections.Select(ToDomain)], t.PublishedBy, t.PublishedAt);

    public static Result<TemplateDefinition> ToDomain(this TemplateDefinitionDto? d)
    {
        if (d is null) return Problem.Invalid("definition", "is required");
        var v = new Violations();
        if (!Enum.TryParse<TemplateKind>(d.Kind, out var kind) || !Enum.IsDefined(kind)) v.Add("kind", "must be SupervisionReport or BoardStatement");
        var sections = d.Sections.OrEmpty();
        for (var s = 0; s < sections.Length; s++)
        {
            var questions = sections[s]?.Questions.OrEmpty() ?? [];
            for (var q = 0; q < questions.Length; q++)
            {
                if (questions[q] is not { } question) continue;
                var path = $"sections[{s}].questions[{q}]";
                if (!Enum.TryParse<AnswerKind>(question.Kind, out var k) || !Enum.IsDefined(k)) v.Add($"{path}.kind", "must be YesNo, Text, Choice or Attachment");
                if (!Enum.TryParse<ExplanationRule>(question.Explanation, out var e) || !Enum.IsDefined(e))
                    v.Add($"{path}.explanation", "must be WhenNo, WhenYes, Always or Optional");
            }
        }

        if (v.Any) return v.ToProblem("The template definition is not valid.");
        return new TemplateDefinition(d.Title ?? "", kind, [.. sections.Select(s => s is null ? new TemplateSection("", "", []) : ToDomain(s))]);
    }

    public static TemplateDefinitionDto ToDto(this TemplateDefinition d) => new(d.Title, d.Kind.ToString(), [.. d.Sections.Select(ToDto)]);

    private static TemplateSectionDto ToDto(TemplateSection s) => new(s.Id, s.Title, [.. s.Questions.Select(ToDto)]);

    private static TemplateQuestionDto ToDto(TemplateQuestion q) =>
        new(q.Id, q.Text, q.Kind.ToString(), q.Required, q.MaxLength, [.. q.Options.Select(o => new ChoiceOptionDto(o.Id, o.Label))], q.Explanation.ToString());

    private static TemplateSection ToDomain(TemplateSectionDto s) => new(s.Id ?? "", s.Title ?? "", [.. s.Questions.OrEmpty().OfType<TemplateQuestionDto>().Select(ToDomain)]);

    private static TemplateQuestion ToDomain(TemplateQuestionDto q) => new(q.Id ?? "", q.Text ?? "", Enum.Parse<AnswerKind>(q.Kind))
    {
        Required = q.Required,
        MaxLength = q.MaxLength,
        Options = [.. q.Options.OrEmpty().OfType<ChoiceOptionDto>().Select(o => new ChoiceOption(o.Id ?? "", o.Label ?? ""))],
        Explanation = Enum.Parse<ExplanationRule>(q.Explanation),
    };

    public static AnswerDto ToDto(this Answer a) => new(a.Question, a.Yes, a.Text, a.Choice, a.Attachment, a.Explanation);

    public static ImmutableArray<Answer> ToDomain(this ImmutableArray<AnswerDto> answers) =>
        [.. answers.OrEmpty().OfType<AnswerDto>().Select(a => new Answer(a.Question ?? "")
        {
            Yes = a.Yes, Text = a.Text, Choice = a.Choice, Attachment = a.Attachment, Explanation = a.Explanation,
        })];

    public static ReceiptDto ToDto(this SubmissionReceipt r) =>
        new(r.Report.ToString(), r.Version, r.Template.Id, r.Template.Version, r.SubmittedBy, r.SubmittedAt, r.ContentHash, r.CorrectionReason);

    public static Result<SubmissionReceipt> ToDomain(this ReceiptDto? r)
    {
        if (r is null || !ReportId.TryParse(r.Report, out var id)) return Problem.Invalid("receipt", "is not a receipt of a report");
        return new SubmissionReceipt(id, r.Version, new TemplateRef(r.TemplateId, r.TemplateVersion), r.SubmittedBy, r.SubmittedAt, r.ContentHash)
        {
            CorrectionReason = r.CorrectionReason,
        };
    }

    public static ReportDto ToDto(this WrittenReport r) => new(
        r.Id.ToString(), r.Id.Unit.Value, r.Id.Purpose.ToString(), r.Id.Occasion, r.Template.Id, r.Template.Version, r.Stage.ToString(),
        r.StartedBy, r.StartedAt, r.DraftVersion, [.. r.Answers.Select(ToDto)],
        [.. r.Saves.Select(s => new DraftSaveDto(s.Version, s.SavedBy, s.SavedAt, s.Set.Length, s.Cleared.Length))],
        [.. r.Submissions.Select(s => new SubmittedVersionDto(s.Receipt.ToDto(), [.. s.Answers.Select(ToDto)]))]);

    public static ReportStatusDto ToDto(this ReportStatusView v) =>
        new(v.Id.ToString(), v.Template.Id, v.Template.Version, v.Stage.ToString(), v.DraftVersion, v.SubmittedAt, v.Corrections);

    public static SupervisionCaseDto ToDto(this SupervisionCase c, int year) => new(
        c.Submission.Report.ToString(), year, c.Stage.ToString(), c.Submission.ToDto(), c.Decision?.ToString(), c.Reason,
        c.DataPackage?.Period.ToString(), c.DataPackage?.Version, c.ReviewedVersion, c.Meeting?.ScheduledFor, c.Meeting?.HeldAt,
        c.Meeting?.Notes, c.Meeting?.Attendees ?? [], c.Conclusion,
        [.. c.History.Select(e => new SupervisionCaseEventDto(e.Kind.ToString(), e.By, e.At, e.Detail))]);
}
