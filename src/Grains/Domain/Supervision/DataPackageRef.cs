using OrleansTilsyn.Grains.Domain.Calendar;

namespace OrleansTilsyn.Grains.Domain.Supervision;

/// <summary>The data package release the chief reviewed the report beside (period and release version).</summary>
public sealed record DataPackageRef(Period Period, int Version);
