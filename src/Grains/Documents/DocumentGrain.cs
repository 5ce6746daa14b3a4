using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using Orleans;
using Orleans.Runtime;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Grains.Common;

namespace OrleansTilsyn.Grains.Documents;

/// <summary>What a document grain stores: every version, oldest first.</summary>
[StoredAsJson]
public sealed record DocumentState
{
    public ImmutableArray<DocumentVersionDto> Versions { get; init; } = [];
}

/// <summary>
/// One written document of a unit (key "{unit}/{kind}/{occurrence}"). Versions are write-once; the
/// unit grain appends them from its outbox, so a version already here is acknowledged, not rewritten.
/// </summary>
[GrainType("document")]
public sealed class DocumentGrain([PersistentState("state")] IPersistentState<Committed<DocumentState>> state, CommittingGrainServices services)
    : CommittingGrain<DocumentState>(state, services), IDocumentGrain
{
    private string _unit = "";
    private DocumentKind _kind;
    private string _occurrence = "";

    protected override Task OnStateLoadedAsync()
    {
        var parts = Key.Split('/', 3);
        if (parts.Length != 3 || !Enum.TryParse(parts[1], out _kind))
            throw new ArgumentException($"'{Key}' is not a document key like unit-1/Minutes/2023-Spring.");
        (_unit, _occurrence) = (parts[0], parts[2]);
        return Task.CompletedTask;
    }

    public async Task<Result<DocumentVersionDto>> AppendAsync(DocumentVersionDto version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var versions = State.Versions;
        if (version.Version >= 1 && version.Version <= versions.Length) return versions[version.Version - 1];
        if (version.Version != versions.Length + 1)
            return Problem.FailedPrecondition($"Document {Key} has {versions.Length} version(s); version {version.Version} cannot follow.");
        await CommitAsync(State with { Versions = versions.Add(version) }, $"Append{_kind}", detail: $"version {version.Version}");
        // Documents are written once and read seldom: do not keep the activation (and its content) in memory.
        DeactivateOnIdle();
        return version;
    }

    public async Task<Result<DocumentDto>> GetAsync()
    {
        var denied = await GrainFactory.GetGrain<IUnitGrain>(_unit).AuthorizeReadAsync(_kind);
        if (denied is not null) return denied;
        return State.Versions.IsEmpty
            ? Problem.NotFound($"Unit {_unit} has no {_kind} document for {_occurrence}.")
            : new DocumentDto(_unit, _kind, _occurrence, State.Versions);
    }
}
