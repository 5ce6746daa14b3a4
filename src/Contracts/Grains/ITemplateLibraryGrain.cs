using System.Collections.Immutable;
using Orleans;
using Orleans.Concurrency;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Contracts.Grains;

/// <summary>
/// The administration's report templates (one grain, key <see cref="GrainKeys.Singleton"/>), every
/// published version kept; seeded with the default supervision and statement templates.
/// </summary>
[Alias("tilsyn.ITemplateLibraryGrain")]
public interface ITemplateLibraryGrain : IGrainWithStringKey
{
    /// <summary>Publishes the next version of a template (administration); the same definition again changes nothing.</summary>
    Task<Result<ReportTemplateDto>> PublishAsync(string templateId, TemplateDefinitionDto definition);

    /// <summary>One version, or the latest when <paramref name="version"/> is null.</summary>
    [AlwaysInterleave]
    Task<Result<ReportTemplateDto>> GetAsync(string templateId, int? version);

    /// <summary>The latest version of every template, or every version when <paramref name="allVersions"/>.</summary>
    [AlwaysInterleave]
    Task<Result<ImmutableArray<ReportTemplateDto>>> ListAsync(bool allVersions);
}
