using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>When a yes/no answer must carry an explanation (begrundelse). Checked on submission.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExplanationRule>))]
public enum ExplanationRule
{
    WhenNo,
    WhenYes,
    Always,
    Optional,
}
