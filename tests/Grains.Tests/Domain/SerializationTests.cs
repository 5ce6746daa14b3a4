using System.Text.Json;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Tasks;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

public sealed class SerializationTests
{
    [Fact]
    public void UnitLoopStateRoundTripsThroughJson()
    {
        var s = Held(Started(Unit(selfOwned: true)), Spring2023, At(2023, 5, 10));
        s = Ok(ConversationCommands.SubmitRecord(s, Spring2023, Record(s, new(2023, 5, 10)), Board(s.Unit), At(2023, 5, 11))).State;
        var json = JsonSerializer.Serialize(s);
        var back = JsonSerializer.Deserialize<UnitLoopState>(json)!;
        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.DoesNotContain("CurrentRecord", json);
        Assert.DoesNotContain("\"Open\":[", json);
        Assert.Equal(s.Loop, back.Loop);
        Assert.Equal(s.Tasks.Items.Select(t => t.Id), back.Tasks.Items.Select(t => t.Id));
        Assert.Equal("Board", JsonDocument.Parse(json).RootElement.GetProperty("Tasks").GetProperty("Items")[0].GetProperty("Assignee").GetString());
        var next = Ok(ConversationCommands.CorrectRecord(back, Spring2023, Record(back, new(2023, 5, 10)), "rettelse", Board(s.Unit), At(2023, 5, 12)));
        Assert.Equal(2, next.State.FindConversation(Spring2023)!.RecordVersions);
    }

    [Fact]
    public void OtherGrainStatesRoundTripThroughJson()
    {
        var config = Ok(WheelConfiguration.Empty.AddVersion(new(Sector.Fu, false, true), new DateOnly(2030, 1, 1),
            WheelDefaults.For(new(Sector.Fu, false, true)), "forvaltning-1", "test", At(2023, 1, 1)));
        var json = JsonSerializer.Serialize(config);
        Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize<WheelConfiguration>(json)));
        var inbox = new ChiefInbox().Apply(Started(Unit()).Tasks.Items, Unit().Chief, At(2023, 4, 1));
        Assert.Equal(JsonSerializer.Serialize(inbox), JsonSerializer.Serialize(JsonSerializer.Deserialize<ChiefInbox>(JsonSerializer.Serialize(inbox))));
    }

    [Fact]
    public void ResultsAndProblemsRoundTripThroughJson()
    {
        Result<int> problem = Problem.Invalid("name", "is required");
        var back = JsonSerializer.Deserialize<Result<int>>(JsonSerializer.Serialize(problem))!;
        Assert.False(back.IsSuccess);
        Assert.Equal(ProblemKind.Invalid, back.Problem!.Kind);
        Assert.True(back.Problem.HasViolation("name"));
        var ok = JsonSerializer.Deserialize<Result<string>>(JsonSerializer.Serialize(Result.Success("ja")))!;
        Assert.Equal("ja", ok.Ok);
    }
}
