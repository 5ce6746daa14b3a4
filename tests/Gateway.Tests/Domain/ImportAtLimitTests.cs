using System.Diagnostics;
using System.Globalization;
using System.Text;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Tests.Domain.Storage;
using Xunit.Abstractions;

namespace OrleansTilsyn.Gateway.Tests.Domain;

/// <summary>
/// Imports at their row limit on the embedded default (SQLite) through a real client: each finishes within a
/// 30-second deadline (the silo's call timeout), and importing the same file again changes nothing. An import past
/// its deadline goes on to its end, and the log says so and what it applied.
/// </summary>
public sealed class ImportAtLimitTests(ITestOutputHelper output)
{
    private const string Deadline = "30S";

    [Fact]
    public async Task AUnitImportAtTheRowLimitFinishesWithinTheDeadlineAndARepeatChangesNothing()
    {
        await using var gateway = await DomainGateway.StartAsync(new Dictionary<string, string?> { ["Storage:Engine"] = "sqlite" });
        var csv = new StringBuilder("id,name,sector,chief,leader,board,selfOwned,special,parent\n");
        for (var i = 0; i < 5_000; i++)
        {
            var sector = (i % 3) switch { 0 => "dagtilbud", 1 => "skole", _ => "fu" };
            csv.Append(CultureInfo.InvariantCulture, $"graense-{i:D4},Grænseenhed {i},{sector},graense-chef-{i % 40},leder-graense-{i:D4},bestyrelse-graense-{i:D4},false,false,\n");
        }

        var request = new ImportUnitsRequest { CsvContent = csv.ToString() };
        var (first, firstTime) = await TimedAsync(() => gateway.CallAsync("/tilsyn.v1.Units/ImportUnits", request, gateway.Administration, Deadline));
        var (again, againTime) = await TimedAsync(() => gateway.CallAsync("/tilsyn.v1.Units/ImportUnits", request, gateway.Administration, Deadline));
        output.WriteLine($"5,000 units: first import {firstTime.TotalSeconds:0.0} s, repeat {againTime.TotalSeconds:0.0} s; working set {Environment.WorkingSet >> 20} MiB now, {Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MiB at most");

        Assert.True(first.Status == StatusCode.OK, $"{first.Status} {first.StatusMessage}");
        Assert.Equal((5_000, 5_000), (first.Single(ImportUnitsResponse.Parser).UnitCount, first.Single(ImportUnitsResponse.Parser).CreatedCount));
        Assert.True(again.Status == StatusCode.OK, $"{again.Status} {again.StatusMessage}");
        Assert.Equal((0, 0), (again.Single(ImportUnitsResponse.Parser).CreatedCount, again.Single(ImportUnitsResponse.Parser).UpdatedCount));
        var loop = await gateway.CallAsync("/tilsyn.v1.Loops/GetLoop", new GetLoopRequest { Name = "units/graense-4999/loop" }, gateway.Administration);
        Assert.Equal(StatusCode.OK, loop.Status);
    }

    [Fact]
    public async Task ADataPackageAtTheRowLimitIsReleasedWithinTheDeadline()
    {
        await using var gateway = await DomainGateway.StartAsync(new Dictionary<string, string?> { ["Storage:Engine"] = "sqlite" });
        var csv = new StringBuilder("unit;indicator;quality;value;groupSize\n");
        for (var i = 0; i < 50_000; i++) csv.Append(CultureInfo.InvariantCulture, $"strandens-dagtilbud;Indikator {i:D5};outcome;{i},5;40\n");

        var request = new ImportDataPackageReleaseRequest { Parent = "sectors/dagtilbud", Period = "2024-Autumn", CsvContent = csv.ToString() };
        var (result, time) = await TimedAsync(() => gateway.CallAsync("/tilsyn.v1.DataPackages/ImportDataPackageRelease", request, gateway.Administration, Deadline));
        output.WriteLine($"50,000 data-package rows: {time.TotalSeconds:0.0} s; working set {Environment.WorkingSet >> 20} MiB now, {Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MiB at most");

        Assert.True(result.Status == StatusCode.OK, $"{result.Status} {result.StatusMessage}");
        Assert.Equal(50_000, result.Single(ImportDataPackageReleaseResponse.Parser).Release.ValueCount);
    }

    [Fact]
    public async Task AUnitImportPastItsDeadlineGoesOnToItsEndAndTheLogSaysSoAndWhatItApplied()
    {
        var store = new GatedStorage("organisation");
        await using var gateway = await DomainGateway.StartAsync(storage: store.Wrap);
        var request = new ImportUnitsRequest { CsvContent = "id,name,sector,chief,leader,board\nsent-skole,Den sene skole,skole,bu-chef-2,leder-sent-skole,\n" };

        // The gate holds the import's write until released, so the deadline passes while the import runs. It is long
        // enough that access checks ahead of the import finish on a loaded machine: a deadline that passes before the
        // import starts leaves nothing to go on.
        store.Close();
        var late = await gateway.CallAsync("/tilsyn.v1.Units/ImportUnits", request, gateway.Administration, "3S");
        Assert.True(store.Waiting > 0, "The import's write was not waiting at the gate when the deadline passed.");
        store.Release();
        var ended = await EventuallyAsync(() => gateway.Logs.Entries.FirstOrDefault(e => e.Message.StartsWith("ImportUnits that the caller stopped waiting for has ended", StringComparison.Ordinal)));
        var imported = await gateway.CallAsync("/tilsyn.v1.Units/GetUnit", new GetUnitRequest { Name = "units/sent-skole" }, gateway.Administration);

        Assert.Equal(StatusCode.DeadlineExceeded, late.Status);
        Assert.Contains(gateway.Logs.Entries, e => e.Message.StartsWith("ImportUnits: the caller stopped waiting (deadline or cancel); the import goes on to its end", StringComparison.Ordinal));
        Assert.EndsWith(": 1 units created, 0 updated, 0 not registered", ended.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.OK, imported.Status);
    }

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe) where T : class
    {
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(90); await Task.Delay(50))
        {
            if (probe() is { } found) return found;
        }

        throw new Xunit.Sdk.XunitException("Nothing was logged within 90 s.");
    }

    private static async Task<(GrpcResult Result, TimeSpan Time)> TimedAsync(Func<Task<GrpcResult>> call)
    {
        var clock = Stopwatch.StartNew();
        var result = await call();
        return (result, clock.Elapsed);
    }
}
