using System.Collections.Immutable;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>A titled part of a template (e.g. basistilsyn) with its questions in order.</summary>
public sealed record TemplateSection(string Id, string Title, ImmutableArray<TemplateQuestion> Questions);
