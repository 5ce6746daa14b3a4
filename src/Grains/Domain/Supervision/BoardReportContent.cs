using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Documents;

namespace OrleansTilsyn.Grains.Domain.Supervision;

/// <summary>The administration's template for a self-owned board's written supervision: three parts.</summary>
public sealed record BoardReportContent(string BasicSupervision, string MunicipalGuidelines, string PedagogicalSupervision) : DocumentContent
{
    public IReadOnlyList<FieldViolation> Validate() => new Violations()
        .RequireText(BasicSupervision, "basicSupervision", 20000)
        .RequireText(MunicipalGuidelines, "municipalGuidelines", 20000)
        .RequireText(PedagogicalSupervision, "pedagogicalSupervision", 20000)
        .Items;
}
