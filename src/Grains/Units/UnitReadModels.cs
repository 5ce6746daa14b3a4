using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Mapping;

namespace OrleansTilsyn.Grains.Units;

/// <summary>Read views of a unit's loop that the unit grain serves: which scope a document needs, focus areas and summing-up of a loop.</summary>
internal static class UnitReadModels
{
    public static ReadScope ScopeOf(DocumentKind kind) => kind switch
    {
        DocumentKind.OneToOneRecord => ReadScope.OneToOnes,
        DocumentKind.BoardStatement => ReadScope.Statements,
        DocumentKind.BoardReport or DocumentKind.Opsamling => ReadScope.Reports,
        _ => ReadScope.Meetings,
    };

    public static Result<UnitFocusAreasDto> FocusAreasOf(UnitLoopState s, LoopId loop)
    {
        var u = s.Unit;
        if (loop == s.Loop)
            return new UnitFocusAreasDto(u.Id.Value, u.Name, u.Sector, loop.ToString(), s.FocusAreaHistory.Length, [.. s.FocusAreas.Select(MeetingMapping.ToDto)]);
        var past = s.PastLoops.FirstOrDefault(p => p.Loop == loop);
        if (past is null) return Problem.NotFound($"Unit {u.Id} was not tracked in loop {loop}.");
        return new UnitFocusAreasDto(u.Id.Value, u.Name, u.Sector, loop.ToString(), past.FocusAreas.IsEmpty ? 0 : 1, [.. past.FocusAreas.Select(MeetingMapping.ToDto)]);
    }

    public static Result<UnitOpsamlingDto> OpsamlingOf(UnitLoopState s, LoopId loop)
    {
        var u = s.Unit;
        Opsamling? done;
        if (loop == s.Loop) done = s.Opsamling;
        else if (s.PastLoops.FirstOrDefault(p => p.Loop == loop) is { } past) done = past.Opsamling;
        else return Problem.NotFound($"Unit {u.Id} was not tracked in loop {loop}.");
        return new UnitOpsamlingDto(u.Id.Value, u.Name, u.Sector, loop.ToString(), done?.SubmittedBy, done?.SubmittedAt, null);
    }
}
