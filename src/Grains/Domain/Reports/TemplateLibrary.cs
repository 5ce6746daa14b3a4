using System.Collections.Immutable;
using System.Text.Json;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Limits;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>
/// The administration's templates, every published version kept (state of the template grain).
/// Publishing never alters an existing version, so reports written on it read the same forever.
/// </summary>
public sealed record TemplateLibrary
{
    public static TemplateLibrary Empty { get; } = new();

    public ImmutableArray<ReportTemplate> Versions { get; init; } = [];

    public ReportTemplate? Find(TemplateRef r) => Versions.FirstOrDefault(t => t.Id == r.Id && t.Version == r.Version);

    public ReportTemplate? Latest(string templateId) =>
        Versions.Where(t => t.Id == templateId).MaxBy(t => t.Version);

    /// <summary>
    /// Publishes the next version of <paramref name="templateId"/>. Administration only; a template keeps
    /// its kind across versions; publishing the latest definition again changes nothing (safe to retry).
    /// </summary>
    public Result<TemplateLibrary> Publish(string templateId, TemplateDefinition definition, Actor by, DateTimeOffset now)
    {
        if (by.Role != ActorRole.Administration) return Problem.PermissionDenied($"{by} may not publish report templates.");
        var violations = TemplateValidator.Validate(templateId, definition);
        if (violations.Count > 0) return Problem.Invalid($"The template {templateId} is not valid.", violations);
        var latest = Latest(templateId);
        if (latest is not null && latest.Kind != definition.Kind)
            return Problem.Invalid("kind", $"template {templateId} is a {latest.Kind} template");
        if (latest is not null && SameDefinition(latest.Definition, definition)) return this;
        if (latest?.Version >= CollectionLimits.TemplateVersions)
            return Problem.FailedPrecondition($"The template {templateId} has {latest.Version} versions, the most it may have; publish it under a new id.");
        if (latest is null && Versions.Select(t => t.Id).Distinct().Count() >= CollectionLimits.Templates)
            return Problem.FailedPrecondition($"The library holds {CollectionLimits.Templates} templates, the most it may hold.");
        var template = new ReportTemplate(templateId, (latest?.Version ?? 0) + 1, definition.Title.Trim(), definition.Kind,
            definition.Sections, by.ToString(), now);
        return this with { Versions = Versions.Add(template) };
    }

    private static bool SameDefinition(TemplateDefinition a, TemplateDefinition b) =>
        JsonSerializer.Serialize(a with { Title = a.Title.Trim() }) == JsonSerializer.Serialize(b with { Title = b.Title.Trim() });
}
