using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Grains.Common;

namespace OrleansTilsyn.Grains.Tests.Common;

public sealed class RequestLedgerTests
{
    private static readonly DateTimeOffset Sent = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private static RequestKey Key(string key, string fingerprint = "f1", DateTimeOffset? sentAt = null) => new(key, fingerprint, sentAt ?? Sent);

    [Fact]
    public void ARepeatOfARecordedRequestGetsTheFirstAnswer()
    {
        var ledger = RequestLedger<int>.Empty.Record(Key("k"), "AddBoardStatement", 3);

        var replay = ledger.Replay(Key("k", sentAt: Sent.AddMinutes(5)), "AddBoardStatement");

        Assert.NotNull(replay);
        Assert.Equal(3, replay.Value);
    }

    [Fact]
    public void TheSameKeyWithAnotherRequestIsInvalidNamingRequestId()
    {
        var ledger = RequestLedger<int>.Empty.Record(Key("k"), "AddBoardStatement", 3);

        var replay = ledger.Replay(Key("k", fingerprint: "other"), "AddBoardStatement");

        Assert.NotNull(replay);
        Assert.Equal(ProblemKind.Invalid, replay.Problem!.Kind);
        Assert.Equal("request_id", Assert.Single(replay.Problem!.Violations).Field);
    }

    [Fact]
    public void AKeyIsKeptPerCommandAndNewOrKeylessRequestsAreNotReplayed()
    {
        var ledger = RequestLedger<int>.Empty.Record(Key("k"), "HoldConversation", 1);

        Assert.Null(ledger.Replay(Key("k"), "SubmitMinutes"));
        Assert.Null(ledger.Replay(Key("other"), "HoldConversation"));
        Assert.Null(ledger.Replay(null, "HoldConversation"));
        Assert.Same(ledger, ledger.Record(null, "HoldConversation", 2));
    }

    [Fact]
    public void AnEntryExpiresAfterTheRetentionOnTheSendersClock()
    {
        var ledger = RequestLedger<int>.Empty.Record(Key("k"), "AddBoardStatement", 3);
        var late = Sent + RequestLedger<int>.Retention;

        Assert.NotNull(ledger.Replay(Key("k", sentAt: late.AddSeconds(-1)), "AddBoardStatement"));
        Assert.Null(ledger.Replay(Key("k", sentAt: late), "AddBoardStatement"));
        Assert.DoesNotContain(ledger.Record(Key("new", sentAt: late), "AddBoardStatement", 4).Entries, e => e.Key == "k");
    }

    [Fact]
    public void TheLedgerKeepsAtMostItsBoundDroppingTheOldest()
    {
        var ledger = RequestLedger<int>.Empty;
        for (var i = 0; i < RequestLedger<int>.MaxEntries + 10; i++)
        {
            ledger = ledger.Record(Key($"k{i}", sentAt: Sent.AddSeconds(i)), "AddBoardStatement", i);
        }

        Assert.Equal(RequestLedger<int>.MaxEntries, ledger.Entries.Length);
        Assert.Null(ledger.Replay(Key("k0", sentAt: Sent.AddMinutes(10)), "AddBoardStatement"));
        Assert.Equal(RequestLedger<int>.MaxEntries + 9, ledger.Replay(Key($"k{RequestLedger<int>.MaxEntries + 9}", sentAt: Sent.AddMinutes(10)), "AddBoardStatement")!.Value);
    }

    [Fact]
    public async Task AKeyTakenByAGrainIsGoneForTheCallsItMakesAfterwardsButNotForItsCaller()
    {
        RequestKey? seenByNextCall = Key("unset");
        RequestKey? taken = null;
        async Task GrainCommandAsync()
        {
            await Task.Yield();
            taken = RequestKeyContext.Take();
            await Task.Run(() => seenByNextCall = RequestKeyContext.Current);
        }

        using (RequestKeyContext.For(Key("k")))
        {
            await GrainCommandAsync();

            Assert.Equal("k", taken?.Key);
            Assert.Null(seenByNextCall);
            Assert.Equal("k", RequestKeyContext.Current?.Key);
        }
    }
}
