using System.Text.Json.Serialization;
using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Grains.Domain.DataPackages;

/// <summary>
/// State of one data package (a sector and a half-year): every released version. A second release
/// is a correction and needs a reason; earlier versions are kept.
/// </summary>
public sealed record DataPackageHistory
{
    public ImmutableArray<DataPackageRelease> Versions { get; init; } = [];

    [JsonIgnore]
    public DataPackageRelease? Current => Versions.IsDefaultOrEmpty ? null : Versions[^1];

    public Result<DataPackageHistory> Release(DataPackageRelease release, string? correctionReason)
    {
        if (Current is { } current && (current.Sector != release.Sector || current.Period != release.Period))
            return Problem.Invalid("release", $"this package is {current.Sector} {current.Period}");
        if (Current is not null && string.IsNullOrWhiteSpace(correctionReason))
            return Problem.AlreadyExists($"The {release.Sector} data package {release.Period} is released; a new version needs a correction reason.");
        var versioned = release with { Version = Versions.Length + 1, CorrectionReason = Current is null ? null : correctionReason!.Trim() };
        return this with { Versions = Versions.Add(versioned) };
    }
}
