using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Grains.Audit;

namespace OrleansTilsyn.Silo.Tests.Audit;

public sealed class AuditActorTests
{
    [Fact]
    public void ACallerMapsToTheActorWithEveryField()
    {
        var caller = new CallerIdentity("sub-4711", "Mette Leder", "leader", "leader-17", "unit/dt-aadalen");

        Assert.Equal(new AuditActor("sub-4711", "Mette Leder", "leader", "leader-17", "unit/dt-aadalen"), AuditActor.From(caller));
    }

    [Fact]
    public void TheSystemCallersMapToSystemActors()
    {
        Assert.Equal(AuditActor.System, AuditActor.From(CallerIdentity.System));
        var schedule = AuditActor.From(CallerIdentity.Schedule);
        Assert.Equal((AuditActor.SystemRole, "system"), (schedule.Role, schedule.RoleId));
        Assert.Equal(CallerIdentity.Schedule.OnBehalfOf, schedule.OnBehalfOf);
    }

    [Fact]
    public void ACallerThatBreaksTheAuditTextRulesIsRefused()
    {
        Assert.Throws<ArgumentException>(() => AuditActor.From(CallerIdentity.System with { RoleId = "" }));
        Assert.Throws<ArgumentException>(() => AuditActor.From(CallerIdentity.System with { DisplayName = new string('n', AuditRules.TextMaxLength + 1) }));
        Assert.Throws<ArgumentNullException>(() => AuditActor.From(null!));
    }

    [Fact]
    public void AnEmptyOnBehalfOfIsNoneAsInEveryStore() =>
        Assert.Null(AuditActor.From(CallerIdentity.System with { OnBehalfOf = "" }).OnBehalfOf);
}
