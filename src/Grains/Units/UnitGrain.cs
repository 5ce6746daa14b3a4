using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using Orleans;
using Orleans.Runtime;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Mapping;
using OrleansTilsyn.Grains.Telemetry;
using DomainActor = OrleansTilsyn.Grains.Domain.Organisation.Actor;

namespace OrleansTilsyn.Grains.Units;

/// <summary>
/// A unit and its loop. Every command and reminder runs a pure transition of the domain, commits the
/// new state with its reminder changes, then hands written documents to their document grains (an
/// outbox: they are in the committed state until delivered) and tells the chief which tasks changed.
/// Split by concern: this file is the machinery; see the other UnitGrain.*.cs files.
/// </summary>
[GrainType("unit")]
public sealed partial class UnitGrain : CommittingGrain<UnitGrainState>, IUnitGrain
{
    private readonly HashSet<(DocumentKind, string, int)> _delivered = [];
    private readonly LoopMetrics? _metrics;
    private volatile UnitLoopState? _loop;

    /// <param name="metrics">Where reminder tardiness is measured, when the silo has the Loop meter.</param>
    public UnitGrain(
        [PersistentState("state")] IPersistentState<Committed<UnitGrainState>> state, CommittingGrainServices services, LoopMetrics? metrics = null)
        : base(state, services) => _metrics = metrics;

    protected override Task OnStateLoadedAsync()
    {
        _loop = State.Loop is { } stored ? UnitStateCodec.Decode(stored) : null;
        _delivered.Clear();
        return Task.CompletedTask;
    }

    private UnitLoopState? Loop => _loop;

    /// <summary>Runs a command of the loop as the caller; NotFound while the unit is not registered.</summary>
    private async Task<Result<CommandAck>> RunAsync(string command, Func<UnitLoopState, DomainActor, DateTimeOffset, Result<LoopOutcome>> transition)
    {
        var actor = Actors.Current();
        if (!actor.IsSuccess) return actor.Problem;
        var request = RequestKeyContext.Take();
        return await RetryOnStaleAsync(async () =>
        {
            if (Loop is not { } loop) return NotRegistered();
            if (State.Requests.FirstAnswerTo(request, command) is { } first) return first;
            var outcome = transition(loop, actor.Value, Now);
            return outcome.IsSuccess ? await ApplyAsync(command, outcome.Value, request: request) : outcome.Problem;
        });
    }

    /// <summary>
    /// Commits the outcome (state, reminders, outbox, and the client's <paramref name="request"/> with its answer) and then
    /// delivers its documents and task changes.
    /// </summary>
    /// <remarks>The unit for the next loop is kept while the loop runs, replaced when <paramref name="replaceNextLoopUnit"/>, dropped when a loop starts.</remarks>
    /// <remarks><paramref name="agenda"/>: the agenda after the outcome, when the outcome's agenda changes are already applied to it (an agenda run).</remarks>
    private async Task<CommandAck> ApplyAsync(
        string command, LoopOutcome outcome, bool replaceNextLoopUnit = false, Domain.Organisation.Unit? nextLoopUnit = null, RequestKey? request = null,
        Agenda? agenda = null, string? detail = null)
    {
        var outbox = (State.Outbox ?? []).Where(p => !_delivered.Contains(Id(p)))
            .Concat(outcome.Effects.Documents.Select(d => new PendingDocument(d.Kind, d.Occurrence, d.ToDto())))
            .ToImmutableArray();
        var previousChief = Loop?.Unit.Chief;
        var written = outcome.Effects.Documents.Select(d => new WrittenDocument(d.Kind, d.Occurrence, d.Version)).ToImmutableArray();
        // The state version this write makes (each write advances it by one), so the kept answer names it.
        var answer = new CommandAck(StateVersion + 1, [], written);
        // The new outbox holds only what is not delivered yet; the commit delivers it and marks anew.
        _delivered.Clear();
        await CommitAsync(new UnitGrainState
        {
            Loop = UnitStateCodec.Encode(outcome.State),
            NextLoopUnit = replaceNextLoopUnit ? nextLoopUnit : outcome.State.Loop == Loop?.Loop ? State.NextLoopUnit : null,
            Outbox = outbox.IsEmpty ? null : outbox,
            Requests = State.Requests.Recording(request, command, answer),
        }, new CommitNote(command, Detail: detail), agenda ?? Agenda.Apply(outcome.Effects.Reminders));
        _loop = outcome.State;
        var changed = outcome.Effects.ChangedTasks.Select(t => t.ToDto()).ToImmutableArray();
        await NotifyChiefsAsync(changed, previousChief?.Value);

        return answer with { Version = StateVersion, TasksChanged = changed };
    }

    /// <summary>Best effort, in order per document: what fails stays in the outbox for the next turn or activation.</summary>
    protected override async Task DeliverOutboxAsync()
    {
        var failedKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pending in State.Outbox ?? [])
        {
            var key = GrainKeys.Document(Key, pending.Kind, pending.Occurrence);
            if (_delivered.Contains(Id(pending)) || failedKeys.Contains(key)) continue;
            try
            {
                var appended = await GrainFactory.GetGrain<IDocumentGrain>(key).AppendAsync(pending.Version);
                if (appended.IsSuccess) _delivered.Add(Id(pending));
                else failedKeys.Add(key);
            }
            catch (Exception)
            {
                failedKeys.Add(key);
            }
        }
    }

    /// <summary>Tells each chief concerned (the tasks' chief, and the former chief after a change) what changed; in memory, best effort.</summary>
    private async Task NotifyChiefsAsync(ImmutableArray<TaskDto> changed, string? previousChief)
    {
        if (changed.IsEmpty) return;
        var chiefs = changed.Select(t => t.Chief).Append(previousChief).OfType<string>().Distinct(StringComparer.Ordinal);
        foreach (var chief in chiefs)
        {
            try
            {
                await GrainFactory.GetGrain<IChiefGrain>(chief).TasksChangedAsync(Key, changed);
            }
            catch (Exception)
            {
                // In memory only: a watcher that missed it reloads the inbox when its subscription lapsed.
            }
        }
    }

    /// <summary>How an agenda run is named in the audit.</summary>
    private const string AgendaCommand = "ApplyAgenda";

    private static (DocumentKind, string, int) Id(PendingDocument p) => (p.Kind, p.Occurrence, p.Version.Version);

    private Problem NotRegistered() => Problem.NotFound($"Unit {Key} is not registered.");

    private CommandAck Unchanged() => new(StateVersion, [], []);
}
