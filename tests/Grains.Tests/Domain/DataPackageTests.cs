using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.DataPackages;
using OrleansTilsyn.Grains.Domain.Demo;
using OrleansTilsyn.Grains.Domain.Organisation;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

public sealed class DataPackageTests
{
    private static readonly DataPackageTargets Targets = DataPackageTargets.From([Unit(), Unit(Sector.Skole, id: "skole-1")]);

    private static Result<DataPackageRelease> Parse(string csv) =>
        DataPackageCsv.Parse(csv, Sector.Dagtilbud, Spring2023, Targets, "forvaltning-1", At(2023, 2, 1));

    [Fact]
    public void ValuesUnderMinimumGroupSizeAreSuppressed()
    {
        var release = Ok(Parse("unit,indicator,quality,value,groupSize\nunit-1,Samspil,process,3.4,40\nunit-1.1,Samspil,process,2.9,4\n"));
        var view = Ok(DataPackageView.ForUnit(release, UnitId.Parse("unit-1"), new SuppressionPolicy(5)));
        Assert.Equal((3.4m, false), (view.Indicators[0].Value, view.Indicators[0].Suppressed));
        var small = view.Indicators[1];
        Assert.Equal(("unit-1.1", true, (decimal?)null, (int?)null), (small.TargetId, small.Suppressed, small.Value, small.GroupSize));
        Assert.False(Ok(DataPackageView.ForUnit(release, UnitId.Parse("unit-1"), new SuppressionPolicy(3))).Indicators[1].Suppressed);
    }

    [Fact]
    public void ReleaseWithBadRowsIsRejectedWithEveryRowError()
    {
        var problem = Fails(Parse("unit,indicator,quality,value,groupSize\n" +
            "unit-1,Normering,structural,5.1,30\n" +
            "ukendt,Normering,structural,5.1,30\n" +
            "unit-1,,quantity,abc,-2\n" +
            "skole-1,Fravær,outcome,4.0,200\n" +
            "unit-1,Normering,structural,5.2,30\n"), ProblemKind.Invalid);
        foreach (var field in new[] { "line 3: unit", "line 4: indicator", "line 4: quality", "line 4: value", "line 4: groupSize", "line 5: unit", "line 6: indicator" })
            Assert.True(problem.HasViolation(field), field);
        Assert.False(problem.HasViolation("line 2: unit"));
    }

    [Fact]
    public void MissingColumnsAndEmptyFilesAreReported()
    {
        Assert.True(Fails(Parse("unit,indicator,value\nunit-1,A,1\n"), ProblemKind.Invalid).HasViolation("line 1: quality"));
        Fails(Parse(""), ProblemKind.Invalid);
        Assert.True(Fails(Parse("unit,indicator,quality,value,groupSize\n"), ProblemKind.Invalid).HasViolation("line 1: "));
    }

    [Fact]
    public void SemicolonFilesReadDecimalCommaAndQuotedFields()
    {
        var release = Ok(Parse("enhed;indikator;kvalitet;værdi;gruppestørrelse\r\nunit-1;\"Andel; pædagoger\";strukturel;62,5;31\r\n"));
        var value = Assert.Single(release.Values);
        Assert.Equal(("Andel; pædagoger", QualityKind.Structural, 62.5m), (value.Indicator, value.Kind, value.Value));
    }

    [Fact]
    public void SubUnitValuesBelongToTheirUnit()
    {
        var release = Ok(Parse("unit,indicator,quality,value,groupSize\nunit-1.1,Samspil,process,2.9,14\n"));
        Assert.Equal(UnitId.Parse("unit-1"), release.Values[0].Unit);
        Fails(DataPackageView.ForUnit(release, UnitId.Parse("skole-1"), SuppressionPolicy.Default), ProblemKind.NotFound);
    }

    [Fact]
    public void SecondReleaseIsACorrectionWithAReasonAndKeepsTheFirst()
    {
        var release = Ok(Parse("unit,indicator,quality,value,groupSize\nunit-1,Samspil,process,2.9,14\n"));
        var history = Ok(new DataPackageHistory().Release(release, null));
        Fails(history.Release(release, null), ProblemKind.AlreadyExists);
        history = Ok(history.Release(release, "Fejl i LIS-udtræk"));
        Assert.Equal([1, 2], history.Versions.Select(v => v.Version));
        Assert.Equal("Fejl i LIS-udtræk", history.Current!.CorrectionReason);
    }

    [Fact]
    public void DemoDataPackagesParseAndShowSuppression()
    {
        var demo = DemoData.Build();
        var csv = DemoDataPackages.Csv(demo.Units, Sector.Dagtilbud, Spring2023);
        var release = Ok(DataPackageCsv.Parse(csv, Sector.Dagtilbud, Spring2023, DataPackageTargets.From(demo.Units), "demo", At(2023, 2, 1)));
        var strand = Ok(DataPackageView.ForUnit(release, UnitId.Parse("strandens-dagtilbud"), SuppressionPolicy.Default));
        Assert.Equal(4 * 7, strand.Indicators.Length);
        Assert.Contains(release.Values, v => v.GroupSize < SuppressionPolicy.DefaultMinimum);
        Assert.Equal(csv, DemoDataPackages.Csv(demo.Units, Sector.Dagtilbud, Spring2023));
    }
}
