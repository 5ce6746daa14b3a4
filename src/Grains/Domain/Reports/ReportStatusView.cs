namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>A report's progress without any content: what operations and dashboards may see and count.</summary>
public sealed record ReportStatusView(ReportId Id, TemplateRef Template, ReportStage Stage, int DraftVersion, DateTimeOffset? SubmittedAt, int Corrections)
{
    public static ReportStatusView Of(WrittenReport r) =>
        new(r.Id, r.Template, r.Stage, r.DraftVersion, r.Submissions.IsEmpty ? null : r.Submissions[0].Receipt.SubmittedAt,
            Math.Max(0, r.Submissions.Length - 1));
}
