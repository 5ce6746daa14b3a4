namespace OrleansTilsyn.Contracts.Grains;

/// <summary>
/// A grain that keeps an agenda of due items in its state (the unit's loop: data package releases, windows, deadlines,
/// 1:1s). One Orleans reminder, <see cref="WakeReminder"/>, wakes it at the next due item; Orleans skips reminder ticks
/// that fell due while no silo ran, so after an outage the silo's catch-up calls <see cref="WakeAsync"/> on every grain
/// whose wake-up is past due.
/// </summary>
[Orleans.Alias("tilsyn.IAgendaGrain")]
public interface IAgendaGrain : Orleans.IGrainWithStringKey
{
    /// <summary>The name of the reminder that wakes the grain (a storage key: never change it).</summary>
    public const string WakeReminder = "agenda";

    /// <summary>Applies every item due by now, in due order, each once; does nothing when nothing is due.</summary>
    Task WakeAsync();
}
