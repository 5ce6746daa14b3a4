using System.Text.RegularExpressions;

namespace OrleansTilsyn.Silo.Hosting;

/// <summary>
/// The Azure tables of one deployment, all named from one prefix so that deployments and tests can share a storage
/// account: <c>{prefix}Silos</c> (membership), <c>{prefix}GrainState</c>, <c>{prefix}Reminders</c>, <c>{prefix}Audit</c>.
/// </summary>
public sealed partial record TilsynTableNames
{
    public const string DefaultPrefix = "Tilsyn";

    /// <summary>Table names are 3-63 letters and digits starting with a letter; the longest suffix takes 10 of them.</summary>
    private const int MaxPrefixLength = 63 - 10;

    public TilsynTableNames(string prefix)
    {
        if (!ValidPrefix().IsMatch(prefix ?? "") || prefix!.Length > MaxPrefixLength)
            throw new ArgumentException(
                $"The table prefix '{prefix}' must be 1-{MaxPrefixLength} letters and digits, starting with a letter (Azure table names).",
                nameof(prefix));
        Prefix = prefix;
    }

    public string Prefix { get; }

    public string Membership => Prefix + "Silos";

    public string GrainState => Prefix + "GrainState";

    public string Reminders => Prefix + "Reminders";

    public string Audit => Prefix + "Audit";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex ValidPrefix();
}
