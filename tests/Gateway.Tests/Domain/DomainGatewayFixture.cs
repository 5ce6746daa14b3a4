namespace OrleansTilsyn.Gateway.Tests.Domain;

/// <summary>One <see cref="DomainGateway"/> shared by the tests of a class.</summary>
public sealed class DomainGatewayFixture : IAsyncLifetime
{
    private DomainGateway? _gateway;

    internal DomainGateway Gateway => _gateway ?? throw new InvalidOperationException("The gateway is not started.");

    public async Task InitializeAsync() => _gateway = await DomainGateway.StartAsync();

    public async Task DisposeAsync()
    {
        if (_gateway is not null) await _gateway.DisposeAsync();
    }
}
