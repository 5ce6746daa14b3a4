using System.Text.Json;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Units;
using OrleansTilsyn.Grains.Common;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Loop;

public sealed class UnitStateCodecTests
{
    private static readonly JsonSerializerOptions Json = StoredAsJsonSerialization.Options;

    /// <summary>A self-owned unit well into its loop: minutes with a correction, focus areas, a closed agreement, a report, a moved chief, a past loop.</summary>
    private static UnitLoopState Busy()
    {
        var u = Unit(selfOwned: true);
        var s = Held(Started(u), Spring2023, At(2023, 5, 10));
        s = Ok(ConversationCommands.SubmitRecord(s, Spring2023, Record(s, new(2023, 5, 10)), Leader(u), At(2023, 5, 11))).State;
        s = Ok(ConversationCommands.CorrectRecord(s, Spring2023, Record(s, new(2023, 5, 10)), "rettelse", Board(u), At(2023, 5, 12))).State;
        s = Ok(FocusAreaCommands.Choose(s, [new("TRIVSEL", "Fællesskaber", "Beskrivelse")], Leader(u), At(2023, 5, 13))).State;
        s = Ok(AgreementCommands.Close(s, "conversation:2023-Spring#1", "færdig", Leader(u), At(2023, 6, 1))).State;
        s = Ok(BoardReportCommands.Submit(s, 2023, new("a", "b", "c"), Board(u), At(2023, 10, 20))).State;
        s = LoopReminders.OnReminder(s, "one-to-one-due:2023-Spring.1", LoopReminderPlan.ExpectedDue(s, "one-to-one-due:2023-Spring.1")!.Value, At(2023, 6, 2)).State;
        s = Ok(UnitCommands.Update(s, s.Unit with { Chief = ChiefId.Parse("bu-chef-2") }, Admin, At(2023, 6, 3))).State;
        return s with { PastLoops = [new LoopSummary(new LoopId(AgeArea.ZeroToSix, 2021), 0, 3, 4, 10, [], new Opsamling("leader:x", At(2023, 1, 10)))] };
    }

    [Fact]
    public void StoredLoopRoundTripsThroughItsCompactJson()
    {
        var state = Busy();
        var json = JsonSerializer.Serialize(UnitStateCodec.Encode(state), Json);
        var back = UnitStateCodec.Decode(JsonSerializer.Deserialize<StoredLoop>(json, Json)!);
        Assert.Equal(json, JsonSerializer.Serialize(UnitStateCodec.Encode(back), Json));
        Assert.Equal(JsonSerializer.Serialize(state, Json), JsonSerializer.Serialize(back, Json));
    }

    [Fact]
    public void DerivedDataAndBuiltInSettingsAreNotStored()
    {
        var state = Busy();
        var json = JsonSerializer.Serialize(UnitStateCodec.Encode(state), Json);
        Assert.DoesNotContain("settings", json);
        Assert.DoesNotContain("windowOpen", json);
        Assert.DoesNotContain(state.Tasks.Items[0].Id, json);
        Assert.InRange(json.Length, 500, 3000);
        var configured = state with { WheelVersion = 2 };
        Assert.Contains("\"settings\"", JsonSerializer.Serialize(UnitStateCodec.Encode(configured), Json));
    }

    [Fact]
    public void ReadingToleratesUnknownPropertiesAndMissingColumns()
    {
        var json = JsonSerializer.Serialize(UnitStateCodec.Encode(Started(Unit())), Json).Replace("\"schema\":1,", "\"schema\":1,\"later\":[1,{\"x\":2}],", StringComparison.Ordinal);
        var back = UnitStateCodec.Decode(JsonSerializer.Deserialize<StoredLoop>(json, Json)!);
        Assert.All(back.OneToOnes, o => Assert.Null(o.HeldAt));
        Assert.Equal(4, back.Conversations.Length);
    }
}
