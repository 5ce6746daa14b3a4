using System.Globalization;
using System.Text;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Grains.Domain.Import;

/// <summary>
/// How large one CSV import may be: its UTF-8 size (checked before anything is parsed) and its data rows
/// (counted while reading; reading stops at the first row over). A file over either is refused whole with
/// one violation of the request field <see cref="Field"/>; nothing is parsed further or stored.
/// </summary>
public sealed record ImportLimits(string What, int MaxRows, int MaxBytes)
{
    /// <summary>The request field the CSV text comes in (<c>csv_content</c> on the API).</summary>
    public const string Field = "csvContent";

    /// <summary>
    /// Unit imports: the largest Danish municipality has some 1,500 units and sub-units over the three
    /// sectors, so 5,000 rows is three times that; a row is at most ~700 bytes (four 64-character ids, a
    /// 200-character name) and typically ~150, so 2 MiB holds 5,000 rows of ordinary width.
    /// </summary>
    public static readonly ImportLimits Units = new("unit import", 5_000, 2 * 1024 * 1024);

    /// <summary>
    /// Data-package releases: one sector's units and sub-units (about 1,000 at most) times the LIS
    /// indicators of a half-year (20-30) is some 30,000 rows; 50,000 leaves room. A row is ~70 bytes,
    /// and 3.5 MiB keeps the whole request under the gateway's 4 MiB message limit, so an oversized file
    /// gets this field violation rather than the transport's RESOURCE_EXHAUSTED.
    /// </summary>
    public static readonly ImportLimits DataPackage = new("data-package release", 50_000, 7 * 512 * 1024);

    /// <summary>The refusal of a text larger than <see cref="MaxBytes"/>, or null when it fits. Counts without copying.</summary>
    public Problem? CheckSize(string csv)
    {
        var bytes = Encoding.UTF8.GetByteCount(csv);
        return bytes <= MaxBytes ? null : Refuse(
            $"is {Number(bytes)} bytes; a {What} takes at most {Number(MaxBytes)} bytes ({Number(MaxRows)} rows)");
    }

    /// <summary>The refusal of a text with more than <see cref="MaxRows"/> data rows.</summary>
    public Problem TooManyRows() => Refuse($"has more than {Number(MaxRows)} data rows; a {What} takes at most {Number(MaxRows)}");

    /// <summary>True when the problem is a refusal for size or rows (not a row error).</summary>
    public static bool Refused(Problem problem) => problem.Kind == ProblemKind.Invalid && problem.HasViolation(Field);

    private Problem Refuse(string description) =>
        Problem.Invalid($"The {What} was refused: the file {description}.", [new FieldViolation(Field, description)]);

    private static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
