using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>What a written report is for; decides its template kind and what its occasion key is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportPurpose>))]
public enum ReportPurpose
{
    /// <summary>A self-owned board's yearly supervision report; occasion = the year.</summary>
    Supervision,
    /// <summary>A board's statement to a later læringssamtale; occasion = the period, e.g. 2023-Autumn.</summary>
    ConversationStatement,
    /// <summary>A board's statement to the quality report; occasion = the quality report's year.</summary>
    QualityReportStatement,
}

public static class ReportPurposes
{
    public static TemplateKind TemplateKind(this ReportPurpose p) =>
        p == ReportPurpose.Supervision ? Reports.TemplateKind.SupervisionReport : Reports.TemplateKind.BoardStatement;
}
