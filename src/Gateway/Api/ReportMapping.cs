using System.Collections.Immutable;
using Google.Protobuf.WellKnownTypes;
using OrleansTilsyn.Contracts.Model;
using V1 = OrleansTilsyn.Contracts.Api.V1;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>tilsyn.v1.Reports messages to and from the grain contracts.</summary>
internal static class ReportMapping
{
    public static V1.ReportTemplate ToApi(this ReportTemplateDto t)
    {
        var m = new V1.ReportTemplate
        {
            Id = t.Id, Version = t.Version, Title = t.Title, Kind = t.Kind, PublishedBy = t.PublishedBy, PublishedAt = Timestamp.FromDateTimeOffset(t.PublishedAt),
        };
        m.Sections.AddRange(t.Sections.Select(ToApi));
        return m;
    }

    private static V1.TemplateSection ToApi(TemplateSectionDto s)
    {
        var m = new V1.TemplateSection { Id = s.Id, Title = s.Title };
        m.Questions.AddRange(s.Questions.Select(q =>
        {
            var question = new V1.TemplateQuestion
            {
                Id = q.Id, Text = q.Text, Kind = q.Kind, Optional = !q.Required, MaxLength = q.MaxLength, Explanation = q.Explanation,
            };
            question.Options.AddRange(q.Options.IsDefault ? [] : q.Options.Select(o => new V1.ChoiceOption { Id = o.Id, Label = o.Label }));
            return question;
        }));
        return m;
    }

    public static TemplateDefinitionDto ToContract(this V1.PublishTemplateRequest r) => new(r.Title, r.Kind, [.. r.Sections.Select(s =>
        new TemplateSectionDto(s.Id, s.Title, [.. s.Questions.Select(q => new TemplateQuestionDto(
            q.Id, q.Text, q.Kind, !q.Optional, q.MaxLength == 0 ? 4000 : q.MaxLength,
            [.. q.Options.Select(o => new ChoiceOptionDto(o.Id, o.Label))], q.Explanation.Length == 0 ? "WhenNo" : q.Explanation))]))]);

    public static ImmutableArray<AnswerDto> ToContract(this IEnumerable<V1.Answer> answers) => [.. answers.Select(a => new AnswerDto(
        a.Question,
        a.HasYes ? a.Yes : null,
        a.HasText ? a.Text : null,
        a.HasChoice ? a.Choice : null,
        a.HasAttachment ? a.Attachment : null,
        a.HasExplanation ? a.Explanation : null))];

    private static V1.Answer ToApi(AnswerDto a)
    {
        var m = new V1.Answer { Question = a.Question };
        if (a.Yes is { } yes) m.Yes = yes;
        if (a.Text is { } text) m.Text = text;
        if (a.Choice is { } choice) m.Choice = choice;
        if (a.Attachment is { } attachment) m.Attachment = attachment;
        if (a.Explanation is { } explanation) m.Explanation = explanation;
        return m;
    }

    public static V1.Receipt ToApi(this ReceiptDto r) => new()
    {
        ReportId = r.Report, Version = r.Version, TemplateId = r.TemplateId, TemplateVersion = r.TemplateVersion, SubmittedBy = r.SubmittedBy,
        SubmittedAt = Timestamp.FromDateTimeOffset(r.SubmittedAt), ContentHash = r.ContentHash, CorrectionReason = r.CorrectionReason ?? "",
    };

    public static V1.SubmitReportResponse ToApi(this SubmissionDto s) => new() { Receipt = s.Receipt.ToApi(), Replayed = s.Replayed };

    public static V1.WrittenReport ToApi(this ReportDto r)
    {
        var m = new V1.WrittenReport
        {
            ReportId = r.Id, UnitId = r.Unit, Purpose = r.Purpose, Occasion = r.Occasion, TemplateId = r.TemplateId, TemplateVersion = r.TemplateVersion,
            Stage = r.Stage, StartedBy = r.StartedBy, StartedAt = Timestamp.FromDateTimeOffset(r.StartedAt), DraftVersion = r.DraftVersion,
        };
        m.Answers.AddRange(r.Answers.Select(ToApi));
        m.Saves.AddRange(r.Saves.Select(s => new V1.DraftSave
        {
            Version = s.Version, SavedBy = s.SavedBy, SavedAt = Timestamp.FromDateTimeOffset(s.SavedAt), Set = s.Set, Cleared = s.Cleared,
        }));
        m.Submissions.AddRange(r.Submissions.Select(s =>
        {
            var v = new V1.SubmittedVersion { Receipt = s.Receipt.ToApi() };
            v.Answers.AddRange(s.Answers.Select(ToApi));
            return v;
        }));
        return m;
    }

    public static V1.ReportStatus ToApi(this ReportStatusDto s) => new()
    {
        ReportId = s.Id, TemplateId = s.TemplateId, TemplateVersion = s.TemplateVersion, Stage = s.Stage, DraftVersion = s.DraftVersion,
        SubmittedAt = s.SubmittedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null, Corrections = s.Corrections,
    };

    public static V1.SupervisionCase ToApi(this SupervisionCaseDto c)
    {
        var m = new V1.SupervisionCase
        {
            ReportId = c.Report, Year = c.Year, Stage = c.Stage, Submission = c.Submission.ToApi(), Decision = c.Decision ?? "", Reason = c.Reason ?? "",
            DataPackagePeriod = c.DataPackagePeriod ?? "", DataPackageVersion = c.DataPackageVersion ?? 0, ReviewedVersion = c.ReviewedVersion ?? 0,
            MeetingScheduledFor = c.MeetingScheduledFor is { } s ? Timestamp.FromDateTimeOffset(s) : null,
            MeetingHeldAt = c.MeetingHeldAt is { } h ? Timestamp.FromDateTimeOffset(h) : null,
            MeetingNotes = c.MeetingNotes ?? "", Conclusion = c.Conclusion ?? "",
        };
        m.MeetingAttendees.AddRange(c.MeetingAttendees.IsDefault ? [] : c.MeetingAttendees);
        m.History.AddRange(c.History.Select(e => new V1.CaseEvent { Kind = e.Kind, By = e.By, At = Timestamp.FromDateTimeOffset(e.At), Detail = e.Detail ?? "" }));
        return m;
    }
}
