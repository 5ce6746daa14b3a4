using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Organisation;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

public sealed class PermissionTests
{
    [Fact]
    public void OperationsNeverTouchMeetingContent()
    {
        var s = Held(Started(Unit()), Spring2023, At(2023, 5, 10));
        var operations = new Actor(ActorRole.Operations, "drift-1");
        Fails(ConversationCommands.SubmitRecord(s, Spring2023, Record(s, new(2023, 5, 10)), operations, At(2023, 5, 11)), ProblemKind.PermissionDenied);
        Fails(ConversationCommands.SubmitRecord(s, Spring2023, Record(s, new(2023, 5, 10)), Admin, At(2023, 5, 11)), ProblemKind.PermissionDenied);
    }

    [Fact]
    public void AChiefOrLeaderOfAnotherUnitIsDenied()
    {
        var s = Started(Unit());
        Fails(ConversationCommands.Schedule(s, Spring2023, At(2023, 5, 10), new Actor(ActorRole.Chief, "bu-chef-7"), At(2023, 4, 2)), ProblemKind.PermissionDenied);
        Fails(ConversationCommands.Schedule(s, Spring2023, At(2023, 5, 10), new Actor(ActorRole.Leader, "leder-andet"), At(2023, 4, 2)), ProblemKind.PermissionDenied);
        Ok(ConversationCommands.Schedule(s, Spring2023, At(2023, 5, 10), Leader(s.Unit), At(2023, 4, 2)));
    }

    [Fact]
    public void OnlyTheUnitsBoardAddsItsStatement()
    {
        var s = Started(Unit());
        Fails(ConversationCommands.AddBoardStatement(s, Autumn2023, "udtalelse", new Actor(ActorRole.Board, "bestyrelse-andet"), At(2023, 9, 1)), ProblemKind.PermissionDenied);
        Ok(ConversationCommands.AddBoardStatement(s, Autumn2023, "udtalelse", Board(s.Unit), At(2023, 9, 1)));
    }
}
