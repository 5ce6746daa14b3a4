using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using Orleans;
using Orleans.Runtime;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Reports;
using OrleansTilsyn.Grains.Mapping;
using DomainActor = OrleansTilsyn.Grains.Domain.Organisation.Actor;
using DomainUnit = OrleansTilsyn.Grains.Domain.Organisation.Unit;

namespace OrleansTilsyn.Grains.Reports;

/// <summary>What a report grain stores: the report, and up to which submitted version the loop has been told.</summary>
[StoredAsJson]
public sealed record ReportGrainState
{
    public WrittenReport? Report { get; init; }

    /// <summary>Submitted versions up to this one are in the unit's loop (the case, or the samtale's statements).</summary>
    public int LoopNotified { get; init; }

    /// <summary>The draft saves of recent client requests (the draft version each made): a repeat saves nothing again.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public RequestLedger<int>? Requests { get; init; }
}

/// <summary>
/// One board's written report. Every command runs a pure <see cref="ReportCommands"/> transition with
/// the unit as it is now (asked from the unit grain) and the report's own template version, commits,
/// then tells the unit's loop about new submitted versions (an outbox: <see cref="ReportGrainState.LoopNotified"/>
/// trails until the loop has it, and the next command of the board retries).
/// </summary>
[GrainType("report")]
public sealed class ReportGrain([PersistentState("state")] IPersistentState<Committed<ReportGrainState>> state, CommittingGrainServices services)
    : CommittingGrain<ReportGrainState>(state, services), IReportGrain
{
    private ReportId _id;
    private ReportTemplate? _template;

    protected override Task OnStateLoadedAsync()
    {
        if (!ReportId.TryParse(Key, out _id))
            throw new ArgumentException($"'{Key}' is not a report key like unit-1/tilsyn/2023.");
        return Task.CompletedTask;
    }

    public async Task<Result<ReportDto>> StartAsync()
    {
        var context = await ContextAsync();
        if (!context.IsSuccess) return context.Problem;
        var (unit, by) = context.Value;
        if (State.Report is { } existing)
            return ReportAccess.CheckWrite(unit, _id, by) is { } denied ? denied : existing.ToDto();
        var latest = await Templates().GetAsync(ReportTemplateDefaults.IdFor(_id.Purpose.TemplateKind()), null);
        if (!latest.IsSuccess) return latest.Problem;
        var template = latest.Value.ToDomain();
        var started = ReportCommands.Start(_id, unit, template, by, Now);
        if (!started.IsSuccess) return started.Problem;
        _template = template;
        await CommitAsync(State with { Report = started.Value }, "StartReport", detail: template.Ref.ToString());
        return started.Value.ToDto();
    }

    public async Task<Result<ReportDto>> SaveDraftAsync(ImmutableArray<AnswerDto> answers, int? basedOnVersion)
    {
        var loaded = await LoadAsync();
        if (!loaded.IsSuccess) return loaded.Problem;
        var (r, t, unit, by) = loaded.Value;
        var request = RequestKeyContext.Take();
        if (State.Requests.FirstAnswerTo(request, "SaveDraft") is { } first) return first.IsSuccess ? r.ToDto() : first.Problem;
        var saved = ReportCommands.SaveDraft(r, unit, t, answers.ToDomain(), basedOnVersion, by, Now);
        if (!saved.IsSuccess) return saved.Problem;
        if (!ReferenceEquals(saved.Value, r))
        {
            var requests = State.Requests.Recording(request, "SaveDraft", saved.Value.DraftVersion);
            await CommitAsync(State with { Report = saved.Value, Requests = requests }, "SaveDraft", detail: $"version {saved.Value.DraftVersion}");
        }

        await NotifyLoopAsync(t);
        return saved.Value.ToDto();
    }

    public async Task<Result<SubmissionDto>> SubmitAsync(string idempotencyKey, int? draftVersion)
    {
        var loaded = await LoadAsync();
        if (!loaded.IsSuccess) return loaded.Problem;
        var (r, t, unit, by) = loaded.Value;
        return await RecordAsync(t, "SubmitReport", ReportCommands.Submit(r, unit, t, idempotencyKey ?? "", draftVersion, by, Now));
    }

    public async Task<Result<SubmissionDto>> CorrectAsync(ImmutableArray<AnswerDto> answers, string reason, string idempotencyKey)
    {
        var loaded = await LoadAsync();
        if (!loaded.IsSuccess) return loaded.Problem;
        var (r, t, unit, by) = loaded.Value;
        return await RecordAsync(t, "CorrectReport", ReportCommands.Correct(r, unit, t, answers.ToDomain(), reason ?? "", idempotencyKey ?? "", by, Now));
    }

    public Task<Result<ReportDto>> GetAsync() => ReadAsync(r => (Result<ReportDto>)r.ToDto());

    public Task<Result<ReceiptDto>> GetReceiptAsync(int? version) => ReadAsync(r => Submitted(r, version).Map(s => s.Receipt.ToDto()));

    public async Task<Result<string>> RenderPrintableAsync(int? version)
    {
        var unitName = "";
        var rendered = await ReadAsync(async (r, unit) =>
        {
            unitName = unit.Name;
            var submission = Submitted(r, version);
            if (!submission.IsSuccess) return submission.Problem;
            var t = await TemplateAsync(r.Template);
            return t.IsSuccess ? ReportHtml.Render(r, t.Value, unitName, submission.Value.Receipt.Version, DanishZone.Value) : (Result<string>)t.Problem;
        });
        return rendered;
    }

    public async Task<Result<ReportStatusDto>> GetStatusAsync()
    {
        var context = await ContextAsync();
        if (!context.IsSuccess) return context.Problem;
        var (unit, by) = context.Value;
        if (LoopPermissions.CheckRead(unit, by, ReadScope.Health) is { } denied) return denied;
        return State.Report is { } r ? ReportStatusView.Of(r).ToDto() : NotStarted();
    }

    private async Task<Result<SubmissionDto>> RecordAsync(ReportTemplate t, string command, Result<SubmissionOutcome> outcome)
    {
        if (!outcome.IsSuccess) return outcome.Problem;
        var o = outcome.Value;
        if (!o.Replayed)
            await CommitAsync(State with { Report = o.Report }, command, detail: $"version {o.Receipt.Version} {o.Receipt.ContentHash}");
        await NotifyLoopAsync(t);
        return new SubmissionDto(o.Receipt.ToDto(), o.Replayed);
    }

    /// <summary>
    /// Tells the loop about submitted versions it has not seen: a supervision report opens (or moves) the
    /// chief's case; a conversation statement is added to the samtale as text. An answer from the loop,
    /// success or refusal, counts as told; a failed call stays for the next command.
    /// </summary>
    private async Task NotifyLoopAsync(ReportTemplate t)
    {
        if (State.Report is not { } r) return;
        var notified = State.LoopNotified;
        foreach (var s in r.Submissions.Where(s => s.Receipt.Version > State.LoopNotified))
        {
            try
            {
                var unit = GrainFactory.GetGrain<IUnitGrain>(_id.Unit.Value);
                _ = _id.Purpose switch
                {
                    ReportPurpose.Supervision => await unit.SupervisionReportSubmittedAsync(s.Receipt.ToDto()),
                    ReportPurpose.ConversationStatement => await unit.AddBoardStatementAsync(_id.Occasion, StatementText.From(t, s)),
                    _ => null,
                };
                notified = s.Receipt.Version;
            }
            catch (Exception)
            {
                break;
            }
        }

        if (notified != State.LoopNotified)
            await CommitAsync(State with { LoopNotified = notified }, "ReportToLoop", detail: $"version {notified}");
    }

    private async Task<Result<T>> ReadAsync<T>(Func<WrittenReport, Result<T>> view) =>
        await ReadAsync((r, _) => Task.FromResult(view(r)));

    private async Task<Result<T>> ReadAsync<T>(Func<WrittenReport, DomainUnit, Task<Result<T>>> view)
    {
        var context = await ContextAsync();
        if (!context.IsSuccess) return context.Problem;
        var (unit, by) = context.Value;
        if (State.Report is not { } r)
            return ReportAccess.CheckWrite(unit, _id, by) is { } denied ? denied : NotStarted();
        return ReportAccess.CheckRead(unit, r, by) is { } refused ? refused : await view(r, unit);
    }

    private static Result<ReportSubmission> Submitted(WrittenReport r, int? version)
    {
        var s = version is { } v ? r.FindSubmission(v) : r.Current;
        return s is null
            ? Problem.NotFound(version is null ? $"The report {r.Id} is not submitted yet." : $"The report {r.Id} has no submitted version {version}.")
            : s;
    }

    private async Task<Result<(WrittenReport Report, ReportTemplate Template, DomainUnit Unit, DomainActor By)>> LoadAsync()
    {
        var context = await ContextAsync();
        if (!context.IsSuccess) return context.Problem;
        var (unit, by) = context.Value;
        if (State.Report is not { } r)
            return ReportAccess.CheckWrite(unit, _id, by) is { } denied ? denied : NotStarted();
        var t = await TemplateAsync(r.Template);
        return t.IsSuccess ? (r, t.Value, unit, by) : t.Problem;
    }

    /// <summary>The caller and the unit as it is now (access is decided on the current board and chief).</summary>
    private async Task<Result<(DomainUnit Unit, DomainActor By)>> ContextAsync()
    {
        var actor = Actors.Current();
        if (!actor.IsSuccess) return actor.Problem;
        var dto = await GrainFactory.GetGrain<IUnitGrain>(_id.Unit.Value).GetUnitAsync();
        if (!dto.IsSuccess) return dto.Problem;
        var unit = dto.Value.ToDomain();
        return unit.IsSuccess ? (unit.Value, actor.Value) : unit.Problem;
    }

    private async Task<Result<ReportTemplate>> TemplateAsync(TemplateRef template)
    {
        if (_template?.Ref == template) return _template;
        var found = await Templates().GetAsync(template.Id, template.Version);
        if (!found.IsSuccess) return found.Problem;
        _template = found.Value.ToDomain();
        return _template;
    }

    private ITemplateLibraryGrain Templates() => GrainFactory.GetGrain<ITemplateLibraryGrain>(GrainKeys.Singleton);

    private Problem NotStarted() => Problem.NotFound($"The report {_id} is not started.");

    private static readonly Lazy<TimeZoneInfo> DanishZone = new(() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Copenhagen", out var zone) ? zone : TimeZoneInfo.Utc);
}
