using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Documents;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Tasks;
using OrleansTilsyn.Grains.Domain.Limits;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>The summing-up at the end of the loop that goes into the next quality report.</summary>
public static class OpsamlingCommands
{
    public static Result<LoopOutcome> Submit(UnitLoopState s, string summary, Actor by, DateTimeOffset now)
    {
        if (LoopPermissions.Check(s.Unit, by, UnitPermissions.SubmitOpsamling, "sum up the loop") is { } denied) return denied;
        if (s.Opsamling is not null) return Problem.AlreadyExists($"Loop {s.Loop} is already summed up.");
        var lastHeldOrOver = s.Conversations[^1].IsHeld || now >= DomainDates.StartOf(s.Calendar.LoopEnd);
        if (!lastHeldOrOver) return Problem.FailedPrecondition("The loop is summed up after its last samtale.");
        if (string.IsNullOrWhiteSpace(summary) || summary.Length > TextLimits.Opsamling) return Problem.Invalid("summary", $"the summary needs 1-{TextLimits.Opsamling} characters");
        var change = new LoopChange(s with { Opsamling = new Opsamling(by.ToString(), now) }, now);
        change.Write(new LoopDocument(DocumentKind.Opsamling, s.Loop.ToString(), 1, new OpsamlingText(summary.Trim()), by.ToString(), now));
        change.CloseAll(TaskKind.Opsamling, s.Loop.ToString(), by.ToString());
        change.Cancel(ReminderNames.LoopEnd(s.Loop));
        return change.Done();
    }
}
