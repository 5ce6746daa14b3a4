namespace OrleansTilsyn.Grains.Telemetry;

/// <summary>The attribute values of the Loop meter: sector and age area, never a unit or a person.</summary>
public static class LoopHealthLabels
{
    public const string SectorKey = "tilsyn.sector";
    public const string AreaKey = "tilsyn.area";
    public const string TaskKindKey = "tilsyn.task.kind";

    public static AgeArea AreaOf(Sector sector) => sector == Sector.Dagtilbud ? AgeArea.ZeroToSix : AgeArea.SixToEighteen;

    public static string Of(Sector sector) => sector switch
    {
        Sector.Dagtilbud => "dagtilbud",
        Sector.Skole => "skole",
        _ => "fu",
    };

    public static string Of(AgeArea area) => area == AgeArea.ZeroToSix ? "0-6" : "6-18";

    public static string Of(TaskKind kind) => kind.ToString();
}
