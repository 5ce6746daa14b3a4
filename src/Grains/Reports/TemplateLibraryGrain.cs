using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using Orleans;
using Orleans.Runtime;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Reports;
using OrleansTilsyn.Grains.Mapping;
using DomainActor = OrleansTilsyn.Grains.Domain.Organisation.Actor;

namespace OrleansTilsyn.Grains.Reports;

/// <summary>What the template library grain stores: null until the administration first publishes (the defaults apply until then).</summary>
[StoredAsJson]
public sealed record TemplateLibraryState
{
    public TemplateLibrary? Library { get; init; }

    /// <summary>The administration's recent publications: the template version each request made.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public RequestLedger<int>? Requests { get; init; }
}

/// <summary>
/// The administration's report templates. Until the first publication the library is the seeded
/// defaults, built with a fixed time so every activation shows the same version 1.
/// </summary>
[GrainType("report-templates")]
public sealed class TemplateLibraryGrain([PersistentState("state")] IPersistentState<Committed<TemplateLibraryState>> state, CommittingGrainServices services)
    : CommittingGrain<TemplateLibraryState>(state, services), ITemplateLibraryGrain
{
    /// <summary>When the seeded version 1 of the defaults counts as published.</summary>
    public static readonly DateTimeOffset SeededAt = new(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly TemplateLibrary Seed = ReportTemplateDefaults.Library(new DomainActor(ActorRole.Administration, "forvaltning"), SeededAt);

    private TemplateLibrary Library => State.Library ?? Seed;

    public async Task<Result<ReportTemplateDto>> PublishAsync(string templateId, TemplateDefinitionDto definition)
    {
        var actor = Actors.Current();
        if (!actor.IsSuccess) return actor.Problem;
        var request = RequestKeyContext.Take();
        if (State.Requests.FirstAnswerTo(request, "PublishTemplate") is { } first)
            return first.IsSuccess ? Library.Find(new TemplateRef(templateId ?? "", first.Value))!.ToDto() : first.Problem;
        var parsed = definition.ToDomain();
        if (!parsed.IsSuccess) return parsed.Problem;
        var published = Library.Publish(templateId ?? "", parsed.Value, actor.Value, Now);
        if (!published.IsSuccess) return published.Problem;
        var next = published.Value;
        var latest = next.Latest(templateId!)!;
        if (!ReferenceEquals(next, Library))
        {
            var requests = State.Requests.Recording(request, "PublishTemplate", latest.Version);
            await CommitAsync(State with { Library = next, Requests = requests }, "PublishTemplate", detail: $"{templateId} v{latest.Version}");
        }

        return latest.ToDto();
    }

    public Task<Result<ReportTemplateDto>> GetAsync(string templateId, int? version)
    {
        var t = version is { } v ? Library.Find(new TemplateRef(templateId, v)) : Library.Latest(templateId);
        return Task.FromResult(t is null
            ? Problem.NotFound($"There is no template {templateId}{(version is { } n ? $" v{n}" : "")}.")
            : (Result<ReportTemplateDto>)t.ToDto());
    }

    public Task<Result<ImmutableArray<ReportTemplateDto>>> ListAsync(bool allVersions)
    {
        var versions = allVersions
            ? Library.Versions
            : [.. Library.Versions.GroupBy(t => t.Id).Select(g => g.MaxBy(t => t.Version)!)];
        return Task.FromResult<Result<ImmutableArray<ReportTemplateDto>>>(versions.OrderBy(t => t.Id, StringComparer.Ordinal).ThenBy(t => t.Version)
            .Select(t => t.ToDto()).ToImmutableArray());
    }
}
