namespace OrleansTilsyn.Silo.Tests.Support;

/// <summary>Real-time bounds for awaiting something in a test, so a bug fails the test instead of hanging it.</summary>
public static class TestSilos
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Patience);

    public static Task Within(this Task task) => task.WaitAsync(Patience);
}
