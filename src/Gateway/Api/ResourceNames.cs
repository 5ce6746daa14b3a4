namespace OrleansTilsyn.Gateway.Api;

/// <summary>Every resource-name pattern of tilsyn.v1 (see the .proto files).</summary>
public static class ResourceNames
{
    public static readonly ResourceName Unit = new("units/{unit}");
    public static readonly ResourceName Chief = new("chiefs/{chief}");
    public static readonly ResourceName Loop = new("units/{unit}/loop");
    public static readonly ResourceName Conversation = new("units/{unit}/loop/conversations/{period}");
    public static readonly ResourceName ConversationRecord = new("units/{unit}/loop/conversations/{period}/records/{version}");
    public static readonly ResourceName OneToOne = new("units/{unit}/loop/oneToOnes/{one_to_one}");
    public static readonly ResourceName BoardReport = new("units/{unit}/loop/boardReports/{year}");
    public static readonly ResourceName Opsamling = new("units/{unit}/loop/opsamling");
    public static readonly ResourceName Agreement = new("units/{unit}/agreements/{agreement}");
    public static readonly ResourceName Task = new("units/{unit}/tasks/{task}");
    public static readonly ResourceName UnitDataPackage = new("units/{unit}/dataPackages/{period}");
    public static readonly ResourceName Sector = new("sectors/{sector}");
    public static readonly ResourceName DataPackageRelease = new("sectors/{sector}/dataPackages/{period}");
    public static readonly ResourceName Themes = new("areas/{area}/loops/{year}/themes");
    public static readonly ResourceName FocusAreaOverview = new("areas/{area}/loops/{year}/focusAreaOverview");
    public static readonly ResourceName OpsamlingOverview = new("areas/{area}/loops/{year}/opsamlingOverview");
    public static readonly ResourceName WheelConfig = new("wheelConfigs/{config}");
    public static readonly ResourceName WheelVersion = new("wheelConfigs/{config}/versions/{version}");
}
