namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>Names one published template version. A report keeps the one it was started on for good.</summary>
public sealed record TemplateRef(string Id, int Version)
{
    public override string ToString() => $"{Id} v{Version}";
}
