using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Reports;

[JsonConverter(typeof(JsonStringEnumConverter<ReportStage>))]
public enum ReportStage
{
    Draft,
    Submitted,
    /// <summary>Submitted, then corrected at least once; the original stays in the history.</summary>
    Corrected,
}
