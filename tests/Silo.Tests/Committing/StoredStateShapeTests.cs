using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OrleansTilsyn.Grains.Audit;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Loop;
using Xunit;

namespace OrleansTilsyn.Silo.Tests.Committing;

/// <summary>
/// A state record stored by one release is read by the next: through Orleans' envelope (<see cref="Committed{TState}"/>)
/// with the silo's serializer, a <see cref="StoredAsJsonAttribute"/> state skips fields it no longer has, leaves fields
/// it gained at their defaults and reads enums by name.
/// </summary>
public sealed class StoredStateShapeTests
{
    private static readonly DateTimeOffset T0 = new(2027, 3, 1, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void StoredStateToleratesUnknownAndMissingFields()
    {
        using var services = new ServiceCollection().AddStoredAsJsonSerialization().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var audit = new AuditEvent("ledger/old-shape", 3, T0, AuditActor.System, "append", "ok", "seven");
        var written = new Committed<StateOfLastRelease>
        {
            Value = new StateOfLastRelease { Value = 7, Phase = PhaseOfLastRelease.Sent, FieldRemovedSince = new() { ["x"] = 1 } },
            Version = 3,
            UnconfirmedAudit = [audit],
            Agenda = new Agenda([new DueItem("report", T0.AddDays(1))]),
        };

        var stored = serializer.SerializeToArray(written);

        var read = serializer.Deserialize<Committed<StateOfThisRelease>>(AsStoredByThisRelease(stored));
        Assert.NotNull(read);

        Assert.Equal(7, read.Value.Value);
        Assert.Equal(PhaseOfThisRelease.Sent, read.Value.Phase);
        Assert.Empty(read.Value.NotesAddedSince);
        Assert.Equal(3, read.Version);
        Assert.Equal(audit, Assert.Single(read.UnconfirmedAudit));
        Assert.Equal(written.Agenda, read.Agenda);
    }

    /// <summary>
    /// Orleans names the JSON state's type in the stored bytes; both test types stand for one type in two releases, so
    /// the last release's name is replaced by this release's (the names have the same length).
    /// </summary>
    private static byte[] AsStoredByThisRelease(byte[] stored)
    {
        var last = System.Text.Encoding.UTF8.GetBytes(nameof(StateOfLastRelease));
        var current = System.Text.Encoding.UTF8.GetBytes(nameof(StateOfThisRelease));
        var at = stored.AsSpan().IndexOf(last);
        Assert.True(at >= 0, "the stored bytes name the state's type");
        var renamed = stored.ToArray();
        current.CopyTo(renamed, at);
        Assert.Equal(-1, renamed.AsSpan().IndexOf(last));
        return renamed;
    }
}

public enum PhaseOfLastRelease
{
    Draft,
    Sent,
}

public enum PhaseOfThisRelease
{
    Draft,
    Reviewed,
    Sent,
}

[StoredAsJson]
public sealed record StateOfLastRelease
{
    public int Value { get; init; }

    public PhaseOfLastRelease Phase { get; init; }

    public Dictionary<string, int> FieldRemovedSince { get; init; } = [];
}

[StoredAsJson]
public sealed record StateOfThisRelease
{
    public int Value { get; init; }

    public PhaseOfThisRelease Phase { get; init; }

    public ImmutableArray<string> NotesAddedSince { get; init; } = [];
}
