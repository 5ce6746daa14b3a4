using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Results;
using Orleans;
using OrleansTilsyn.Contracts.Calls;

namespace OrleansTilsyn.Grains.Telemetry;

/// <summary>
/// Computes a <see cref="LoopHealthReport"/>: the counts of every unit (asked from the unit grains,
/// bounded in parallel, as <see cref="Reader"/> or the given actor: operations may read counts only),
/// added up per sector, with the sector's data packages for the periods that are due and, when
/// <see cref="LoopMetrics"/> is given, the reminder tardiness measured so far.
/// </summary>
public sealed class LoopHealthCollector(IGrainFactory grains, TimeProvider clock, LoopMetrics? metrics = null)
{
    private const int Parallelism = 32;
    private const int PageSize = 5000;

    /// <summary>Who asks when nobody in particular does (the metrics refresh).</summary>
    public static CallerIdentity Reader { get; } = new("system:loop-health", "Løkkesundhed", "operations", "loop-health");

    /// <summary>Every unit of the directory (optionally of one age area), counted as <paramref name="reader"/>.</summary>
    public async Task<LoopHealthReport> CollectAsync(CallerIdentity reader, AgeArea? area = null, CancellationToken cancellationToken = default)
    {
        var units = await ListUnitsAsync(reader, area, cancellationToken);
        var counts = await CountAsync(reader, units, cancellationToken);
        return await SummarizeAsync(reader, units, counts, cancellationToken);
    }

    /// <summary>The units of the directory, ordered by id; ProblemException when the directory refuses.</summary>
    public async Task<List<UnitDto>> ListUnitsAsync(CallerIdentity reader, AgeArea? area, CancellationToken cancellationToken)
    {
        var units = new List<UnitDto>();
        string? after = null;
        do
        {
            Result<UnitPage> page;
            using (CallerContext.As(reader))
                page = await grains.GetGrain<IOrganisationGrain>(GrainKeys.Singleton)
                    .ListUnitsAsync(new UnitQuery(Area: area, PageSize: PageSize, PageToken: after)).WaitAsync(cancellationToken);
            if (!page.IsSuccess) throw new ProblemException(page.Problem);
            units.AddRange(page.Value.Units);
            after = page.Value.NextPageToken;
        }
        while (after is not null);
        return units;
    }

    /// <summary>Each unit's counts, in the order given; a unit that cannot answer counts as zero rather than failing the report.</summary>
    public async Task<LoopHealthDto[]> CountAsync(CallerIdentity reader, IReadOnlyList<UnitDto> units, CancellationToken cancellationToken)
    {
        var counts = new LoopHealthDto[units.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, units.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, cancel) =>
            {
                using (CallerContext.As(reader))
                {
                    try
                    {
                        var health = await grains.GetGrain<IUnitGrain>(units[i].Id).GetHealthAsync().WaitAsync(cancel);
                        counts[i] = health.IsSuccess ? health.Value : LoopHealthSum.Zero;
                    }
                    catch (Exception error) when (error is not OperationCanceledException || !cancel.IsCancellationRequested)
                    {
                        counts[i] = LoopHealthSum.Zero;
                    }
                }
            });
        return counts;
    }

    /// <summary>Adds up the counts per sector (sectors without units left out) and asks the data package grains.</summary>
    public async Task<LoopHealthReport> SummarizeAsync(CallerIdentity reader, IReadOnlyList<UnitDto> units, IReadOnlyList<LoopHealthDto> counts, CancellationToken cancellationToken)
    {
        var sectors = new List<SectorLoopHealthReport>();
        foreach (var group in units.Zip(counts).GroupBy(x => x.First.Sector).OrderBy(g => g.Key))
        {
            var sum = group.Aggregate(LoopHealthSum.Zero, (total, x) => LoopHealthSum.Add(total, x.Second));
            var packages = await DataPackagesAsync(reader, group.Key, sum.DataReleasesDue, cancellationToken);
            sectors.Add(new SectorLoopHealthReport(group.Key, group.Count(), group.Count(x => LoopHealthSum.HasOverdue(x.Second)), sum, packages,
                metrics?.ReminderTardiness(group.Key) ?? ReminderTardinessSummary.None));
        }

        return new LoopHealthReport(clock.GetUtcNow(), [.. sectors]);
    }

    private async Task<DataPackageCounts> DataPackagesAsync(CallerIdentity reader, Sector sector, ImmutableArray<string> periods, CancellationToken cancellationToken)
    {
        var counts = DataPackageCounts.None;
        foreach (var period in periods)
        {
            Result<ImmutableArray<DataPackageReleaseDto>> history;
            using (CallerContext.As(reader))
                history = await grains.GetGrain<IDataPackageGrain>(GrainKeys.DataPackage(sector, period)).GetHistoryAsync().WaitAsync(cancellationToken);
            var versions = history.IsSuccess ? history.Value.Length : 0;
            counts += new DataPackageCounts(1, versions > 0 ? 1 : 0, Math.Max(0, versions - 1));
        }

        return counts;
    }
}
