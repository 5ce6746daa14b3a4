using System.Globalization;

namespace OrleansTilsyn.Benchmarks;

/// <summary>
/// How long and how often each measurement runs: <c>--repetitions N --warmups N --seconds S</c>;
/// <c>--profile</c> also prints the store calls and their wall time per run; <c>--compare</c> runs an Orleans
/// scenario alternately with the old runtime's; <c>--quick</c> shrinks the large populations (memory, agenda catch-up).
/// </summary>
public sealed record BenchmarkSettings(
    int Repetitions = 5, int Warmups = 1, double Seconds = 3, bool Profile = false, bool Compare = false, bool Quick = false)
{
    public TimeSpan Duration => TimeSpan.FromSeconds(Seconds);

    public static BenchmarkSettings Parse(IReadOnlyList<string> options)
    {
        var settings = new BenchmarkSettings();
        for (var i = 0; i < options.Count; i++)
        {
            var flag = options[i] switch
            {
                "--profile" => settings with { Profile = true },
                "--compare" => settings with { Compare = true },
                "--quick" => settings with { Quick = true },
                _ => null,
            };
            if (flag is not null)
            {
                settings = flag;
                continue;
            }

            var value = i + 1 < options.Count ? options[++i] : throw new ArgumentException($"{options[i]} needs a value.");
            settings = options[i - 1] switch
            {
                "--repetitions" => settings with { Repetitions = Math.Max(1, int.Parse(value, CultureInfo.InvariantCulture)) },
                "--warmups" => settings with { Warmups = Math.Max(0, int.Parse(value, CultureInfo.InvariantCulture)) },
                "--seconds" => settings with { Seconds = Math.Max(0.1, double.Parse(value, CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"Unknown option {options[i - 1]}."),
            };
        }

        return settings;
    }
}
