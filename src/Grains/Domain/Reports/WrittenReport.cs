using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>
/// A board's written report (state of the report grain): the draft as last saved with every save kept,
/// then the submission and any corrections, each immutable. It keeps the template version it was
/// started on, whatever the administration publishes later.
/// </summary>
public sealed record WrittenReport(ReportId Id, TemplateRef Template, string StartedBy, DateTimeOffset StartedAt)
{
    /// <summary>The draft as last saved: where the board resumes. Frozen once submitted.</summary>
    public ImmutableArray<Answer> Answers { get; init; } = [];

    public ImmutableArray<DraftSave> Saves { get; init; } = [];

    /// <summary>[0] is the submission; later entries are corrections. Never edited or removed.</summary>
    public ImmutableArray<ReportSubmission> Submissions { get; init; } = [];

    [JsonIgnore]
    public int DraftVersion => Saves.Length;

    [JsonIgnore]
    public ReportStage Stage => Submissions.Length switch { 0 => ReportStage.Draft, 1 => ReportStage.Submitted, _ => ReportStage.Corrected };

    [JsonIgnore]
    public bool IsSubmitted => !Submissions.IsEmpty;

    /// <summary>The latest submitted version (the correction in force), or null while a draft.</summary>
    [JsonIgnore]
    public ReportSubmission? Current => Submissions.IsEmpty ? null : Submissions[^1];

    public ReportSubmission? FindSubmission(int version) => Submissions.FirstOrDefault(x => x.Receipt.Version == version);

    /// <summary>The draft as it stood after save <paramref name="version"/> (0 = empty), in template order.</summary>
    public ImmutableArray<Answer> DraftAt(ReportTemplate template, int version)
    {
        if (version < 0 || version > DraftVersion) throw new DomainInvariantException($"Report {Id} has no draft version {version}.");
        var answers = new Dictionary<string, Answer>();
        foreach (var save in Saves.Take(version))
        {
            foreach (var q in save.Cleared) answers.Remove(q);
            foreach (var a in save.Set) answers[a.Question] = a;
        }
        return AnswerRules.Normalize(template, answers.Values);
    }
}
