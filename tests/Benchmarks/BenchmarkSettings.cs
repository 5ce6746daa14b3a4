using System.Globalization;

namespace OrleansTilsyn.Benchmarks;

/// <summary>
/// How long and how often each measurement runs: <c>--repetitions N --warmups N --seconds S</c>;
/// <c>--quick</c> shrinks the large populations (memory, agenda catch-up).
/// </summary>
public sealed record BenchmarkSettings(int Repetitions = 5, int Warmups = 1, double Seconds = 3, bool Quick = false)
{
    public TimeSpan Duration => TimeSpan.FromSeconds(Seconds);

    public static BenchmarkSettings Parse(IReadOnlyList<string> options)
    {
        var settings = new BenchmarkSettings();
        for (var i = 0; i < options.Count; i++)
        {
            if (options[i] == "--quick")
            {
                settings = settings with { Quick = true };
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
