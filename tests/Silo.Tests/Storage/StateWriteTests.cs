using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Silo.Tests.Storage;

public sealed class StateWriteTests
{
    [Fact]
    public void AWriteWhoseAuditEventNamesAnotherGrainCannotBeMade()
    {
        var unit = new GrainId("unit", "a");
        var audit = new AuditEvent(new GrainId("unit", "b"), 0, new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero), "lead:ada-7", "Update", "ok", null);

        var error = Assert.Throws<ArgumentException>(() => new StateWrite(unit, 0, "{}", audit, []));

        Assert.Contains("unit/b", error.Message, StringComparison.Ordinal);
        Assert.Equal(unit, new StateWrite(unit, 0, "{}", audit with { Grain = unit }, []).Audit.Grain);
    }
}
