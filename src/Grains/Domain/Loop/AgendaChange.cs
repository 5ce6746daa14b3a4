namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>
/// A change to the unit's agenda of due items (see <see cref="Agenda"/>), staged by a transition. Changes
/// apply in the order they were made: a schedule replaces the item of the same name, a cancel removes it.
/// </summary>
public abstract record AgendaChange(string Name)
{
    public sealed record Schedule(string Name, DateTimeOffset DueAt) : AgendaChange(Name);

    public sealed record Cancel(string Name) : AgendaChange(Name);
}
