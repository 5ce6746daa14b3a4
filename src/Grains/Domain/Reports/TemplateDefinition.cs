using System.Collections.Immutable;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>What the administration writes; publishing it gives a numbered, immutable <see cref="ReportTemplate"/> version.</summary>
public sealed record TemplateDefinition(string Title, TemplateKind Kind, ImmutableArray<TemplateSection> Sections);
