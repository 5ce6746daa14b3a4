using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Limits;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>
/// Drafting and submitting a board's written report (supervision report or statement). The caller
/// passes the unit as it is now (for access) and the report's own template version.
/// </summary>
public static class ReportCommands
{
    public const int MaxIdempotencyKey = 128;
    public const int MaxCorrectionReason = 2000;

    /// <summary>Opens a report on a template version of the purpose's kind (normally the latest).</summary>
    public static Result<WrittenReport> Start(ReportId id, Unit unit, ReportTemplate template, Actor by, DateTimeOffset now)
    {
        if (ReportAccess.CheckWrite(unit, id, by) is { } problem) return problem;
        if (template.Kind != id.Purpose.TemplateKind())
            return Problem.Invalid("template", $"{template.Ref} is a {template.Kind} template; {id} needs a {id.Purpose.TemplateKind()} template");
        return new WrittenReport(id, template.Ref, by.ToString(), now);
    }

    /// <summary>
    /// Saves the board's answers as the next draft version (only shape checks: a draft may be partial).
    /// <paramref name="answers"/> is the whole draft; the save stores what changed. Saving the same
    /// answers again adds no version. <paramref name="basedOnVersion"/>, when given, must be the latest
    /// version, so two board members cannot overwrite each other unseen (Conflict).
    /// </summary>
    public static Result<WrittenReport> SaveDraft(
        WrittenReport r, Unit unit, ReportTemplate t, ImmutableArray<Answer> answers, int? basedOnVersion, Actor by, DateTimeOffset now)
    {
        if (Check(r, unit, t, by) is { } problem) return problem;
        if (r.IsSubmitted) return Problem.FailedPrecondition($"The report {r.Id} is submitted and cannot be edited; submit a correction with a reason.");
        if (basedOnVersion is { } seen && seen != r.DraftVersion)
            return Problem.Conflict($"The draft of {r.Id} is at version {r.DraftVersion}, not {seen}; reload it before saving.");
        var draft = AnswerRules.Normalize(t, answers.IsDefault ? [] : answers);
        var violations = AnswerRules.CheckShape(t, draft);
        if (violations.Count > 0) return Problem.Invalid($"Some answers do not fit the template {t.Ref}.", violations);
        var set = draft.Where(a => !r.Answers.Contains(a)).ToImmutableArray();
        var cleared = r.Answers.Select(a => a.Question).Except(draft.Select(a => a.Question)).ToImmutableArray();
        if (set.IsEmpty && cleared.IsEmpty) return r;
        if (r.Saves.Length >= CollectionLimits.DraftSaves)
            return Problem.FailedPrecondition($"The draft of {r.Id} has been saved {r.Saves.Length} times, the most a draft may be; submit it.");
        var save = new DraftSave(r.DraftVersion + 1, by.ToString(), now, set, cleared);
        return r with { Answers = draft, Saves = r.Saves.Add(save) };
    }

    /// <summary>
    /// Submits the latest draft: every required answer and explanation is checked and all problems come
    /// back at once. The same key returns the same receipt; another key after submission is refused.
    /// </summary>
    public static Result<SubmissionOutcome> Submit(
        WrittenReport r, Unit unit, ReportTemplate t, string idempotencyKey, int? draftVersion, Actor by, DateTimeOffset now)
    {
        if ((Check(r, unit, t, by) ?? CheckKey(idempotencyKey)) is { } problem) return problem;
        if (Replay(r, idempotencyKey) is { } replay) return replay;
        if (r.IsSubmitted) return Problem.FailedPrecondition($"The report {r.Id} is already submitted; a change is a correction with a reason.");
        if (draftVersion is { } seen && seen != r.DraftVersion)
            return Problem.Conflict($"The draft of {r.Id} is at version {r.DraftVersion}, not {seen}; review it before submitting.");
        var violations = AnswerRules.CheckComplete(t, r.Answers);
        if (violations.Count > 0) return Problem.Invalid($"The report {r.Id} is not complete.", violations);
        return Record(r, r.Answers, idempotencyKey, null, by, now);
    }

    /// <summary>
    /// A correction after submission: not an edit but a new submitted version with its own receipt and
    /// a reason; the original and earlier corrections stay as they were. Validated like a submission.
    /// </summary>
    public static Result<SubmissionOutcome> Correct(
        WrittenReport r, Unit unit, ReportTemplate t, ImmutableArray<Answer> answers, string reason, string idempotencyKey, Actor by, DateTimeOffset now)
    {
        if ((Check(r, unit, t, by) ?? CheckKey(idempotencyKey)) is { } problem) return problem;
        if (Replay(r, idempotencyKey) is { } replay) return replay;
        if (r.Current is not { } current) return Problem.FailedPrecondition($"The report {r.Id} is not submitted yet; save the draft instead.");
        if (r.Submissions.Length >= CollectionLimits.ReportVersions)
            return Problem.FailedPrecondition($"The report {r.Id} has {r.Submissions.Length} submitted versions, the most it may have; it cannot be corrected again.");
        var corrected = AnswerRules.Normalize(t, answers.IsDefault ? [] : answers);
        var v = new Violations().RequireText(reason, "reason", MaxCorrectionReason).AddRange(AnswerRules.CheckComplete(t, corrected));
        if (!v.Any && ContentHash.Compute(r.Template, corrected) == current.Receipt.ContentHash)
            v.Add("answers", "the correction changes nothing");
        if (v.Any) return v.ToProblem($"The correction of {r.Id} is not valid.");
        return Record(r, corrected, idempotencyKey, reason.Trim(), by, now);
    }

    private static SubmissionOutcome Record(WrittenReport r, ImmutableArray<Answer> answers, string key, string? reason, Actor by, DateTimeOffset now)
    {
        var receipt = new SubmissionReceipt(r.Id, r.Submissions.Length + 1, r.Template, by.ToString(), now, ContentHash.Compute(r.Template, answers))
        {
            CorrectionReason = reason,
        };
        return new(r with { Submissions = r.Submissions.Add(new(receipt, answers, key)) }, receipt, Replayed: false);
    }

    private static SubmissionOutcome? Replay(WrittenReport r, string key) =>
        r.Submissions.FirstOrDefault(x => x.IdempotencyKey == key) is { } earlier ? new(r, earlier.Receipt, Replayed: true) : null;

    private static Problem? CheckKey(string key) =>
        string.IsNullOrWhiteSpace(key) || key.Length > MaxIdempotencyKey || key.Any(char.IsControl)
            ? Problem.Invalid("idempotencyKey", $"must be 1-{MaxIdempotencyKey} characters")
            : null;

    private static Problem? Check(WrittenReport r, Unit unit, ReportTemplate t, Actor by)
    {
        if (t.Ref != r.Template) throw new DomainInvariantException($"Report {r.Id} is written on {r.Template}, not {t.Ref}.");
        return ReportAccess.CheckWrite(unit, r.Id, by);
    }
}
