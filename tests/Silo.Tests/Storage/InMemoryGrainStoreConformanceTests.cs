using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Silo.Tests.Storage;

public sealed class InMemoryGrainStoreConformanceTests : GrainStoreConformanceTests
{
    private readonly InMemoryGrainStore _shared = new();

    protected override IGrainStore CreateStore() => _shared;
}
