using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Mapping;

namespace OrleansTilsyn.Grains.Units;

/// <summary>The read side: every query checks what the caller may read of the unit (domain read scopes).</summary>
public sealed partial class UnitGrain
{
    public Task<Result<UnitStatusDto>> GetStatusAsync() => Read(ReadScope.Status, s => s.ToStatus(Now));

    public Task<Result<TimelineDto>> GetTimelineAsync() => Read(ReadScope.Status, s => s.ToTimeline(Now));

    public Task<Result<LoopHealthDto>> GetHealthAsync() => Read(ReadScope.Health, s => LoopQueries.Health(s, Now).ToDto());

    public Task<Result<ImmutableArray<TaskDto>>> GetTasksAsync(TaskQuery query) => Read(ReadScope.Status, s =>
        s.Tasks.Items.Where(t => (query.IncludeDone || t.IsOpen) && (query.Assignee is null || t.Assignee == query.Assignee))
            .Select(t => t.ToDto()).InInboxOrder().ToImmutableArray());

    public Task<Result<ImmutableArray<AgreementDto>>> GetAgreementsAsync(bool includeClosed) => Read(ReadScope.Meetings, s =>
        s.Agreements.Items.Where(a => includeClosed || a.IsOpen).Select(a => a.ToDto(DomainDates.DayOf(Now))).ToImmutableArray());

    public Task<Result<OneToOneAgendaDto>> GetOneToOneAgendaAsync(string key) =>
        Task.FromResult(Readable(ReadScope.OneToOnes).Then(s => OneToOneCommands.Agenda(s, key, Now)).Map(a => a.ToDto(Now)));

    public async Task<Result<ConversationAgendaDto>> GetConversationAgendaAsync(string period)
    {
        var agenda = Readable(ReadScope.Meetings).Then(s => Inputs.Period(period).Then(p => LoopQueries.Agenda(s, p)));
        if (!agenda.IsSuccess) return agenda.Problem;
        var conversation = Loop!.FindConversation(agenda.Value.Slot.Period)!;
        var statements = ImmutableArray<BoardStatementDto>.Empty;
        if (conversation.BoardStatements > 0 && await DocumentAsync(DocumentKind.BoardStatement, period) is { IsSuccess: true } document)
            statements = [.. document.Value.Versions.Select(v => new BoardStatementDto(v.Content.Text ?? "", v.WrittenBy, v.WrittenAt))];
        return agenda.Value.ToDto(conversation, statements, Now);
    }

    public async Task<Result<DocumentDto>> GetDocumentAsync(DocumentKind kind, string occurrence)
    {
        var readable = Readable(UnitReadModels.ScopeOf(kind));
        return readable.IsSuccess ? await DocumentAsync(kind, occurrence) : readable.Problem;
    }

    public Task<Result<UnitFocusAreasDto>> GetFocusAreasAsync(string loop) => Task.FromResult(
        Readable(ReadScope.Status).Then(s => Inputs.Loop(loop).Then(l => UnitReadModels.FocusAreasOf(s, l))));

    public async Task<Result<UnitOpsamlingDto>> GetOpsamlingAsync(string loop)
    {
        var found = Readable(ReadScope.Reports).Then(s => Inputs.Loop(loop).Then(l => UnitReadModels.OpsamlingOf(s, l)));
        if (!found.IsSuccess || found.Value.SubmittedAt is null) return found;
        var text = await DocumentAsync(DocumentKind.Opsamling, loop);
        return found.Value with { Summary = text.IsSuccess ? text.Value.Versions[^1].Content.Text : null };
    }

    public Task<Problem?> AuthorizeReadAsync(DocumentKind kind)
    {
        var readable = Readable(UnitReadModels.ScopeOf(kind));
        return Task.FromResult(readable.IsSuccess ? null : readable.Problem);
    }

    /// <summary>The document's versions from its grain, completed by versions still in the outbox.</summary>
    private async Task<Result<DocumentDto>> DocumentAsync(DocumentKind kind, string occurrence)
    {
        var stored = await GrainFactory.GetGrain<IDocumentGrain>(GrainKeys.Document(Key, kind, occurrence)).GetAsync();
        var pending = (State.Outbox ?? []).Where(p => p.Kind == kind && p.Occurrence == occurrence).Select(p => p.Version);
        var versions = (stored.IsSuccess ? stored.Value.Versions : []).Concat(pending)
            .GroupBy(v => v.Version).Select(g => g.First()).OrderBy(v => v.Version).ToImmutableArray();
        if (versions.IsEmpty) return stored.IsSuccess || stored.Problem.Kind == ProblemKind.NotFound
            ? Problem.NotFound($"Unit {Key} has no {kind} document for {occurrence}.")
            : stored.Problem;
        return new DocumentDto(Key, kind, occurrence, versions);
    }

    private Task<Result<T>> Read<T>(ReadScope scope, Func<UnitLoopState, T> view) => Task.FromResult(Readable(scope).Map(view));

    private Result<UnitLoopState> Readable(ReadScope scope)
    {
        var actor = Actors.Current();
        if (!actor.IsSuccess) return actor.Problem;
        if (Loop is not { } loop) return NotRegistered();
        return LoopPermissions.CheckRead(loop.Unit, actor.Value, scope) is { } denied ? denied : loop;
    }
}
