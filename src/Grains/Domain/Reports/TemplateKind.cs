using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>What a template is for: a self-owned board's written supervision report, or a board's statement.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TemplateKind>))]
public enum TemplateKind
{
    SupervisionReport,
    BoardStatement,
}
