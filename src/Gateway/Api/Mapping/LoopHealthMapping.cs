using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Grains.Telemetry;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api.Mapping;

/// <summary>The loop health report (what the Loop meter shows) as tilsyn.v1.Operations answers it.</summary>
public static class LoopHealthMapping
{
    public static LoopHealthSummary ToApi(this LoopHealthReport report)
    {
        var totals = report.Totals;
        var summary = new LoopHealthSummary
        {
            ComputedAt = report.ComputedAt.ToApi(),
            UnitCount = report.Units,
            UnitsWithOverdue = report.UnitsWithOverdue,
            Totals = totals.ToApi(),
            OneToOneAdherence = LoopHealthSum.Adherence(totals),
            DataPackages = report.DataPackages.ToApi(),
            ReminderTardiness = report.ReminderTardiness.ToApi(),
        };
        summary.TasksByKind.AddRange(LoopHealthSum.AllKinds(totals).Select(ToApi));
        foreach (var s in report.Sectors)
        {
            var sector = new SectorLoopHealth
            {
                Sector = s.Sector.ToApi(),
                AgeArea = ApiEnums.ToApi<Model.AgeArea, AgeArea>(s.Area),
                UnitCount = s.Units,
                UnitsWithOverdue = s.UnitsWithOverdue,
                Counts = s.Counts.ToApi(),
                OneToOneAdherence = s.OneToOneAdherence,
                DataPackages = s.DataPackages.ToApi(),
                ReminderTardiness = s.ReminderTardiness.ToApi(),
            };
            sector.TasksByKind.AddRange(LoopHealthSum.AllKinds(s.Counts).Select(ToApi));
            summary.BySector.Add(sector);
        }

        return summary;
    }

    public static TaskKindCounts ToApi(this Model.TaskKindHealthDto t) => new()
    {
        Kind = ApiEnums.ToApi<Model.TaskKind, TaskKind>(t.Kind), Open = t.Open, Overdue = t.Overdue,
    };

    public static Contracts.Api.V1.DataPackageCounts ToApi(this Grains.Telemetry.DataPackageCounts d) => new()
    {
        Due = d.Due, Released = d.Released, Missing = d.Missing, Corrections = d.Corrections,
    };

    public static ReminderTardiness ToApi(this ReminderTardinessSummary t) => new()
    {
        Delivered = t.Delivered, MeanSeconds = t.MeanSeconds, MaxSeconds = t.MaxSeconds,
    };
}
