namespace OrleansTilsyn.Gateway.Tests.Security;

/// <summary>A clock standing still at a given instant, for minting tokens in the past or future.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
