using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Units;

/// <summary>
/// Writes a <see cref="StoredLoop"/> compactly, by hand (it is written on every command): every list as
/// rows of columns in a fixed order (<see cref="RowWriter"/>), the people who acted once in an actor
/// table and referred to by index, instants as "2023-05-26T10:00Z", enums by name. Reading is tolerant:
/// unknown properties are skipped, missing columns read as empty.
/// </summary>
public sealed class StoredLoopJson : JsonConverter<StoredLoop>
{
    public const int Schema = 1;

    public override void Write(Utf8JsonWriter w, StoredLoop s, JsonSerializerOptions o)
    {
        var actors = ActorsOf(s);
        w.WriteStartObject();
        w.WriteNumber("schema", Schema);
        w.WriteStartArray("actors");
        foreach (var actor in actors.OrderBy(a => a.Value)) w.WriteStringValue(actor.Key);
        w.WriteEndArray();
        w.WritePropertyName("unit");
        WriteUnit(w, s.Unit, actors);
        w.WriteString("loop", s.Loop.ToString());
        w.WriteNumber("wheel", s.WheelVersion);
        if (s.Settings is not null)
        {
            w.WritePropertyName("settings");
            JsonSerializer.Serialize(w, s.Settings, o);
        }

        w.WriteString("tracked", JsonRows.Instant(s.TrackedFrom));
        Rows(w, "conversations", s.Conversations, actors, (r, c) => r.Text(c.Status.ToString()).Instant(c.ScheduledFor).Actor(c.ScheduledBy)
            .Instant(c.HeldAt).Actor(c.HeldBy).Number(c.Statements).Number(c.Versions).Instant(c.RecordedAt).Texts(c.Roles?.Select(x => x.ToString())));
        Rows(w, "oneToOnes", s.OneToOnes, actors, (r, x) => r.Text(x.Status.ToString()).Instant(x.ScheduledFor).Instant(x.HeldAt).Actor(x.HeldBy)
            .Instant(x.RecordedAt).Actor(x.RecordedBy));
        Rows(w, "boardReports", s.BoardReports ?? [], actors, (r, b) => r.Text(b.Status.ToString()).Actor(b.SubmittedBy).Instant(b.SubmittedAt)
            .Day(b.ReviewDue).Actor(b.ReviewedBy).Instant(b.ReviewedAt).Text(b.ReviewNote).Day(b.FollowUpDue).Instant(b.FollowUpHeldAt));
        if (s.Cases is { } cases)
        {
            w.WritePropertyName("cases");
            JsonSerializer.Serialize(w, cases, o);
        }

        if (s.Themes is { } t)
            Rows(w, "themes", [t], actors, (r, x) => r.Text(x.Loop.ToString()).Number(x.Version).Rows(x.Themes, (rr, p) => rr.Text(p.Code).Text(p.Title))
                .Actor(x.SetBy).Instant(x.SetAt));
        Rows(w, "focusAreas", s.FocusAreas ?? [], actors, (r, f) => r.Number(f.Version).Rows(f.Areas, FocusArea).Actor(f.ChosenBy).Instant(f.ChosenAt));
        Rows(w, "agreements", s.Agreements ?? [], actors, (r, a) => r.Text(a.Id).Text(a.Action).Text(a.Owner).Day(a.Due).Actor(a.CreatedBy)
            .Instant(a.CreatedAt).Text(a.Status == AgreementStatus.Open ? null : a.Status.ToString()).Instant(a.ClosedAt).Actor(a.ClosedBy).Text(a.Note));
        Rows(w, "tasks", s.Tasks ?? [], actors, (r, x) => r.Text(x.Kind.ToString()).Text(x.Occurrence).Text(x.Assignee.ToString()).Day(x.Due)
            .Text(x.State.ToString()).Instant(x.RaisedAt).Instant(x.ClosedAt).Actor(x.ClosedBy).Text(x.Chief));
        if (s.Opsamling is { } done) Rows(w, "opsamling", [done], actors, (r, x) => r.Actor(x.SubmittedBy).Instant(x.SubmittedAt));
        Rows(w, "pastLoops", s.PastLoops ?? [], actors, (r, p) => r.Text(p.Loop.ToString()).Number(p.WheelVersion).Number(p.ConversationsHeld)
            .Number(p.ConversationsPlanned).Number(p.OneToOnesHeld).Rows(p.FocusAreas, FocusArea).Actor(p.Opsamling?.SubmittedBy).Instant(p.Opsamling?.SubmittedAt));
        w.WriteEndObject();
    }

    public override StoredLoop Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions o)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var e = document.RootElement;
        var actors = e.TryGetProperty("actors", out var list) ? list.EnumerateArray().Select(a => a.GetString()!).ToArray() : [];
        IEnumerable<RowReader> Rows(string name) => e.TryGetProperty(name, out var rows) ? JsonRows.ReadRows(rows, actors) : [];
        return new StoredLoop
        {
            Unit = ReadUnit(e.GetProperty("unit"), actors),
            Loop = LoopId.Parse(e.GetProperty("loop").GetString()!),
            WheelVersion = e.GetProperty("wheel").GetInt32(),
            Settings = e.TryGetProperty("settings", out var settings) ? settings.Deserialize<WheelSettings>(o) : null,
            TrackedFrom = JsonRows.ParseInstant(e.GetProperty("tracked").GetString()!),
            Conversations = [.. Rows("conversations").Select(r => new StoredConversation(r.Enum<ConversationStatus>(0), r.Instant(1), r.Actor(2), r.Instant(3),
                r.Actor(4), r.Number(5), r.Number(6), r.Instant(7), r.Texts(8) is { } roles ? [.. roles.Select(Enum.Parse<ParticipantRole>)] : null))],
            OneToOnes = [.. Rows("oneToOnes").Select(r => new StoredOccurrence(r.Enum<OneToOneStatus>(0), r.Instant(1), r.Instant(2), r.Actor(3), r.Instant(4), r.Actor(5)))],
            BoardReports = NullIfEmpty([.. Rows("boardReports").Select(r => new StoredBoardReport(r.Enum<BoardReportStatus>(0), r.Actor(1), r.Instant(2), r.Day(3),
                r.Actor(4), r.Instant(5), r.Text(6), r.Day(7), r.Instant(8)))]),
            Cases = e.TryGetProperty("cases", out var cases) ? cases.Deserialize<ImmutableArray<Domain.Supervision.SupervisionCase?>>(o) : null,
            Themes = Rows("themes").Select(r => new ThemeSet(LoopId.Parse(r.Text(0)!), r.Number(1), [.. r.Rows(2).Select(p => new PoliticalTheme(p.Text(0)!, p.Text(1)!))],
                r.Actor(3)!, r.Instant(4)!.Value)).FirstOrDefault(),
            FocusAreas = NullIfEmpty([.. Rows("focusAreas").Select(r => new FocusAreaSelection(r.Number(0), [.. r.Rows(1).Select(FocusArea)], r.Actor(2)!, r.Instant(3)!.Value))]),
            Agreements = NullIfEmpty([.. Rows("agreements").Select(r => new StoredAgreement(r.Text(0)!, r.Text(1)!, r.Text(2)!, r.Day(3)!.Value, r.Actor(4)!,
                r.Instant(5)!.Value, r.Text(6) is null ? AgreementStatus.Open : r.Enum<AgreementStatus>(6), r.Instant(7), r.Actor(8), r.Text(9)))]),
            Tasks = NullIfEmpty([.. Rows("tasks").Select(r => new StoredTask(r.Enum<TaskKind>(0), r.Text(1)!, r.Enum<AssigneeRole>(2), r.Day(3)!.Value,
                r.Enum<TaskState>(4), r.Instant(5)!.Value, r.Instant(6), r.Actor(7), r.Text(8)))]),
            Opsamling = Rows("opsamling").Select(r => new Opsamling(r.Actor(0)!, r.Instant(1)!.Value)).FirstOrDefault(),
            PastLoops = NullIfEmpty([.. Rows("pastLoops").Select(r => new LoopSummary(LoopId.Parse(r.Text(0)!), r.Number(1), r.Number(2), r.Number(3), r.Number(4),
                [.. r.Rows(5).Select(FocusArea)], r.Actor(6) is { } by ? new Opsamling(by, r.Instant(7)!.Value) : null))]),
        };
    }

    /// <summary>Every actor named in the state, numbered in order of first appearance.</summary>
    private static Dictionary<string, int> ActorsOf(StoredLoop s)
    {
        var actors = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string? actor)
        {
            if (actor is not null) actors.TryAdd(actor, actors.Count);
        }

        foreach (var c in s.Conversations) { Add(c.ScheduledBy); Add(c.HeldBy); }
        foreach (var x in s.OneToOnes) { Add(x.HeldBy); Add(x.RecordedBy); }
        foreach (var b in s.BoardReports ?? []) { Add(b.SubmittedBy); Add(b.ReviewedBy); }
        Add(s.Themes?.SetBy);
        foreach (var f in s.FocusAreas ?? []) Add(f.ChosenBy);
        foreach (var a in s.Agreements ?? []) { Add(a.CreatedBy); Add(a.ClosedBy); }
        foreach (var t in s.Tasks ?? []) Add(t.ClosedBy);
        Add(s.Opsamling?.SubmittedBy);
        foreach (var p in s.PastLoops ?? []) Add(p.Opsamling?.SubmittedBy);
        return actors;
    }

    private static void WriteUnit(Utf8JsonWriter w, Unit u, IReadOnlyDictionary<string, int> actors)
    {
        w.WriteStartObject();
        w.WriteString("id", u.Id.Value);
        w.WriteString("name", u.Name);
        w.WriteString("sector", u.Sector.ToString());
        w.WriteString("leader", u.Leader.Value);
        w.WriteString("chief", u.Chief.Value);
        if (u.Board is { } board) w.WriteString("board", board.Value);
        if (!u.SubUnits.IsEmpty)
        {
            w.WritePropertyName("subUnits");
            JsonRows.WriteRows(w, u.SubUnits, actors, (r, x) => r.Text(x.Id.Value).Text(x.Name));
        }

        if (u.SelfOwned) w.WriteBoolean("selfOwned", true);
        if (u.Special) w.WriteBoolean("special", true);
        w.WriteEndObject();
    }

    private static Unit ReadUnit(JsonElement e, IReadOnlyList<string> actors)
    {
        string? Get(string name) => e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        bool Flag(string name) => e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
        var subUnits = e.TryGetProperty("subUnits", out var list)
            ? JsonRows.ReadRows(list, actors).Select(r => new SubUnit(SubUnitId.Parse(r.Text(0)!), r.Text(1)!)).ToImmutableArray()
            : [];
        return new Unit(UnitId.Parse(Get("id")!), Get("name")!, Enum.Parse<Sector>(Get("sector")!), LeaderId.Parse(Get("leader")!),
            ChiefId.Parse(Get("chief")!), Get("board") is { } board ? BoardId.Parse(board) : null, subUnits, Flag("selfOwned"), Flag("special"));
    }

    private static void FocusArea(RowWriter r, FocusArea f) => r.Text(f.ThemeCode).Text(f.Title).Text(f.Description);

    private static FocusArea FocusArea(RowReader r) => new(r.Text(0)!, r.Text(1)!, r.Text(2));

    private static void Rows<T>(Utf8JsonWriter w, string name, IReadOnlyCollection<T> items, IReadOnlyDictionary<string, int> actors, Action<RowWriter, T> write)
    {
        if (items.Count == 0) return;
        w.WritePropertyName(name);
        JsonRows.WriteRows(w, items, actors, write);
    }

    private static ImmutableArray<T>? NullIfEmpty<T>(ImmutableArray<T> rows) => rows.IsEmpty ? null : rows;
}
