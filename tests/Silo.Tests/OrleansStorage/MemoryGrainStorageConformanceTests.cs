using Orleans.Hosting;

namespace OrleansTilsyn.Silo.Tests.OrleansStorage;

public sealed class MemoryGrainStorageFixture : GrainStorageClusterFixture
{
    protected override void AddStorage(ISiloBuilder silo) => silo.AddMemoryGrainStorage(GrainStorageCluster.StorageName);
}

/// <summary>Orleans' <c>MemoryGrainStorage</c>, the reference for tests that need no durable store.</summary>
public sealed class MemoryGrainStorageConformanceTests(MemoryGrainStorageFixture fixture)
    : GrainStorageConformanceTests(fixture.Storage), IClassFixture<MemoryGrainStorageFixture>
{
    protected override bool RefusesETagForMissingState => false;
}
