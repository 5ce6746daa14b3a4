using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Runtime;
using OrleansTilsyn.Silo.Tests.Grains;

namespace OrleansTilsyn.Silo.Tests;

public sealed class GrainTypeRegistryTests
{
    [Fact]
    public void DefaultTypeNameDropsTheLeadingIAndTrailingGrainAndIsLowerCase()
    {
        Assert.Equal("turn", GrainTypeName.Of(typeof(ITurnGrain)));
        Assert.Equal("boardreport", GrainTypeName.Of(typeof(IBoardReportGrain)));
    }

    [Fact]
    public void GrainTypeAttributeNamesTheStoredType() =>
        Assert.Equal("test-counter", GrainTypeName.Of(typeof(ICounterGrain)));

    [Fact]
    public void InterfacesMapToTheirImplementingClasses()
    {
        var registry = new GrainTypeRegistry([typeof(GrainTypeRegistryTests).Assembly]);

        Assert.Equal(typeof(CounterGrain), registry.GetInterface(typeof(ICounterGrain)).Class.Type);
        Assert.Equal(typeof(CounterState), registry.FindClass("test-counter")!.StateType);
        Assert.True(registry.FindClass("test-reminders")!.IsRemindable);
        Assert.Null(registry.FindClass("turn")!.StateType);
    }

    [Fact]
    public void AnInterfaceWithoutImplementationIsReportedWhenUsed()
    {
        var registry = new GrainTypeRegistry([typeof(GrainTypeRegistryTests).Assembly]);

        var error = Assert.Throws<InvalidOperationException>(() => registry.GetInterface(typeof(IBoardReportGrain)));
        Assert.Contains("GrainAssemblies", error.Message);
    }

    public interface IBoardReportGrain : IGrainWithStringKey
    {
        Task SubmitAsync();
    }
}
