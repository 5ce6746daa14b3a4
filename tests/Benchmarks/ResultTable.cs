using static OrleansTilsyn.Benchmarks.Measurement;

namespace OrleansTilsyn.Benchmarks;

/// <summary>The closing summary: one line per number with its spread, target and PASS/MISS (judged on the median).</summary>
public static class ResultTable
{
    public static void Print(IReadOnlyList<BenchmarkResult> results, BenchmarkSettings settings)
    {
        string[] header = ["measure", "unit", "median", "best", "min..max", "spread", "n", "target", ""];
        var rows = results.Select(r => new[]
        {
            r.Name,
            r.Unit,
            Format(r.Samples.Median),
            Format(r.Best),
            $"{Format(r.Samples.Min)}..{Format(r.Samples.Max)}",
            $"{r.Samples.Spread:P0}",
            r.Samples.Count.ToString(),
            r.Target?.ToString() ?? "",
            r.Verdict,
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(row => row[i].Length).Append(h.Length).Max()).ToArray();

        Console.WriteLine();
        Console.WriteLine($"Summary ({Environment.ProcessorCount} cores, {settings.Warmups} warm-up + {settings.Repetitions} repetitions, {settings.Seconds:0.#} s per timed run{(settings.Quick ? ", quick sizes" : "")})");
        Console.WriteLine(Line(header));
        Console.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in rows) Console.WriteLine(Line(row));

        string Line(string[] cells) =>
            string.Join(" | ", cells.Select((cell, i) => i is 0 or 1 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd();
    }
}
