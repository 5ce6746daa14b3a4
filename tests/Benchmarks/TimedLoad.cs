namespace OrleansTilsyn.Benchmarks;

/// <summary>
/// A population set up once (silo, grains activated) and then timed run after run: each run returns its rate, and
/// <see cref="VerifyAsync"/> checks afterwards that what the runs counted is what ran.
/// </summary>
public interface ITimedLoad : IAsyncDisposable
{
    Task<double> RunAsync(TimeSpan duration);

    Task VerifyAsync();
}
