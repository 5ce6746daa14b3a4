using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Documents;
using OrleansTilsyn.Grains.Domain.Limits;

namespace OrleansTilsyn.Grains.Domain.Supervision;

/// <summary>The administration's template for a self-owned board's written supervision: three parts.</summary>
public sealed record BoardReportContent(string BasicSupervision, string MunicipalGuidelines, string PedagogicalSupervision) : DocumentContent
{
    public IReadOnlyList<FieldViolation> Validate() => new Violations()
        .RequireText(BasicSupervision, "basicSupervision", TextLimits.Statement)
        .RequireText(MunicipalGuidelines, "municipalGuidelines", TextLimits.Statement)
        .RequireText(PedagogicalSupervision, "pedagogicalSupervision", TextLimits.Statement)
        .Items;
}
