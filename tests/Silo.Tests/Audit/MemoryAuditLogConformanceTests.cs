using OrleansTilsyn.Grains.Audit;
using OrleansTilsyn.Silo.Audit;

namespace OrleansTilsyn.Silo.Tests.Audit;

public sealed class MemoryAuditLogConformanceTests : AuditLogConformanceTests
{
    protected override Task<IAuditLog> OpenAsync() => Task.FromResult<IAuditLog>(new MemoryAuditLog());
}
