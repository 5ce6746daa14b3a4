using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>One item of a unit's <see cref="Agenda"/>: the occurrence's stable name (see <see cref="ReminderNames"/>) and when it is due.</summary>
public sealed record DueItem(string Name, DateTimeOffset DueAt);

/// <summary>
/// The items a unit's loop has due, held in the unit's state and written with the transition that scheduled
/// them; the runtime only wakes the grain to apply them (<see cref="AgendaRun"/>). Immutable, at most one item
/// per name and at most <see cref="MaxItems"/> items, kept in due order (ties by name, ordinal). Two agendas
/// are equal when they hold the same items.
/// </summary>
public sealed class Agenda : IEquatable<Agenda>
{
    /// <summary>
    /// Far above one loop's items (4 samtaler with 2 items each, at most 48 1:1s, 2 board reports, loop end,
    /// next loop and the overdue check), so only a bug reaches it.
    /// </summary>
    public const int MaxItems = 256;

    private static readonly Comparer<DueItem> DueOrder = Comparer<DueItem>.Create((a, b) =>
    {
        var byDue = a.DueAt.CompareTo(b.DueAt);
        return byDue != 0 ? byDue : string.CompareOrdinal(a.Name, b.Name);
    });

    /// <summary>An agenda of <paramref name="items"/> (any order; stored in due order).</summary>
    /// <exception cref="DomainInvariantException">Two items share a name, or there are more than <see cref="MaxItems"/>.</exception>
    [JsonConstructor]
    public Agenda(ImmutableArray<DueItem> items)
    {
        ImmutableArray<DueItem> ordered = items.IsDefault ? [] : items.Sort(DueOrder);
        if (ordered.Select(i => i.Name).Distinct(StringComparer.Ordinal).Count() != ordered.Length)
            throw new DomainInvariantException("An agenda holds at most one item per name.");
        Items = ordered.Length <= MaxItems
            ? ordered
            : throw new DomainInvariantException($"An agenda holds at most {MaxItems} items; this one would hold {ordered.Length}.");
    }

    public static Agenda Empty { get; } = new([]);

    /// <summary>Every item, in due order.</summary>
    public ImmutableArray<DueItem> Items { get; }

    [JsonIgnore]
    public int Count => Items.Length;

    /// <summary>The earliest item (ties by name, ordinal); null when the agenda is empty.</summary>
    [JsonIgnore]
    public DueItem? Next => Items.IsEmpty ? null : Items[0];

    public DueItem? Find(string name) => Items.FirstOrDefault(i => i.Name == name);

    /// <summary>The items due by <paramref name="now"/> (due at or before it), in due order.</summary>
    public ImmutableArray<DueItem> DueBy(DateTimeOffset now) => [.. Items.TakeWhile(i => i.DueAt <= now)];

    /// <summary>Applies <paramref name="changes"/> in order: a schedule replaces the item of its name, a cancel removes it.</summary>
    public Agenda Apply(IEnumerable<AgendaChange> changes)
    {
        var items = new List<DueItem>(Items);
        foreach (var change in changes)
        {
            var index = items.FindIndex(i => i.Name == change.Name);
            if (index >= 0) items.RemoveAt(index);
            if (change is not AgendaChange.Schedule schedule) continue;
            var item = new DueItem(schedule.Name, schedule.DueAt);
            var at = items.BinarySearch(item, DueOrder);
            items.Insert(at < 0 ? ~at : at, item);
        }
        return new([.. items]);
    }

    /// <summary>This agenda without exactly <paramref name="item"/>: an item of the same name due at another time stays.</summary>
    public Agenda Without(DueItem item)
    {
        var index = Items.IndexOf(item);
        return index < 0 ? this : new(Items.RemoveAt(index));
    }

    public bool Equals(Agenda? other) => other is not null && Items.SequenceEqual(other.Items);

    public override bool Equals(object? obj) => Equals(obj as Agenda);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items) hash.Add(item);
        return hash.ToHashCode();
    }

    public static bool operator ==(Agenda? a, Agenda? b) => a?.Equals(b) ?? b is null;

    public static bool operator !=(Agenda? a, Agenda? b) => !(a == b);

    public override string ToString() => $"Agenda[{string.Join(", ", Items.Select(i => $"{i.Name}@{i.DueAt:O}"))}]";
}
