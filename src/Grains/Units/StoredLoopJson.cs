using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Units;

/// <summary>
/// Writes a <see cref="StoredLoop"/> compactly, by hand (it is written on every command): occurrences,
/// tasks and agreements as rows (arrays in a fixed column order, trailing empty columns left out),
/// instants as "2023-05-26T10:00Z" when whole minutes. Reading is tolerant: unknown properties are
/// skipped and missing columns read as empty. Enums are written by name.
/// </summary>
public sealed class StoredLoopJson : JsonConverter<StoredLoop>
{
    public const int Schema = 1;

    public override void Write(Utf8JsonWriter w, StoredLoop s, JsonSerializerOptions o)
    {
        w.WriteStartObject();
        w.WriteNumber("schema", Schema);
        w.WritePropertyName("unit");
        JsonSerializer.Serialize(w, s.Unit, o);
        w.WriteString("loop", s.Loop.ToString());
        w.WriteNumber("wheel", s.WheelVersion);
        Optional(w, "settings", s.Settings, o);
        w.WriteString("tracked", Instant(s.TrackedFrom));
        Rows(w, "conversations", s.Conversations, (r, c) => r.Text(c.Status.ToString()).Instant(c.ScheduledFor).Text(c.ScheduledBy).Instant(c.HeldAt)
            .Text(c.HeldBy).Number(c.Statements).Number(c.Versions).Instant(c.RecordedAt).Texts(c.Roles?.Select(x => x.ToString())));
        Rows(w, "oneToOnes", s.OneToOnes, (r, x) => r.Text(x.Status.ToString()).Instant(x.ScheduledFor).Instant(x.HeldAt).Text(x.HeldBy)
            .Instant(x.RecordedAt).Text(x.RecordedBy));
        Rows(w, "boardReports", s.BoardReports ?? [], (r, b) => r.Text(b.Status.ToString()).Text(b.SubmittedBy).Instant(b.SubmittedAt).Day(b.ReviewDue)
            .Text(b.ReviewedBy).Instant(b.ReviewedAt).Text(b.ReviewNote).Day(b.FollowUpDue).Instant(b.FollowUpHeldAt));
        if (s.Cases is { } cases) Optional(w, "cases", cases, o);
        Optional(w, "themes", s.Themes, o);
        if (s.FocusAreas is { } focus) Optional(w, "focusAreas", focus, o);
        Rows(w, "agreements", s.Agreements ?? [], (r, a) => r.Text(a.Id).Text(a.Action).Text(a.Owner).Day(a.Due).Text(a.CreatedBy).Instant(a.CreatedAt)
            .Text(a.Status == AgreementStatus.Open ? null : a.Status.ToString()).Instant(a.ClosedAt).Text(a.ClosedBy).Text(a.Note));
        Rows(w, "tasks", s.Tasks ?? [], (r, t) => r.Text(t.Kind.ToString()).Text(t.Occurrence).Text(t.Assignee.ToString()).Day(t.Due)
            .Text(t.State.ToString()).Instant(t.RaisedAt).Instant(t.ClosedAt).Text(t.ClosedBy).Text(t.Chief));
        Optional(w, "opsamling", s.Opsamling, o);
        if (s.PastLoops is { } past) Optional(w, "pastLoops", past, o);
        w.WriteEndObject();
    }

    public override StoredLoop Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions o)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var e = document.RootElement;
        return new StoredLoop
        {
            Unit = e.GetProperty("unit").Deserialize<Unit>(o)!,
            Loop = LoopId.Parse(e.GetProperty("loop").GetString()!),
            WheelVersion = e.GetProperty("wheel").GetInt32(),
            Settings = Get<WheelSettings>(e, "settings", o),
            TrackedFrom = ParseInstant(e.GetProperty("tracked").GetString()!),
            Conversations = ReadRows(e, "conversations", r => new StoredConversation(r.Enum<ConversationStatus>(0), r.Instant(1), r.Text(2), r.Instant(3),
                r.Text(4), r.Number(5), r.Number(6), r.Instant(7), r.Texts(8) is { } roles ? [.. roles.Select(Enum.Parse<ParticipantRole>)] : null)),
            OneToOnes = ReadRows(e, "oneToOnes", r => new StoredOccurrence(r.Enum<OneToOneStatus>(0), r.Instant(1), r.Instant(2), r.Text(3), r.Instant(4), r.Text(5))),
            BoardReports = NullIfEmpty(ReadRows(e, "boardReports", r => new StoredBoardReport(r.Enum<BoardReportStatus>(0), r.Text(1), r.Instant(2), r.Day(3),
                r.Text(4), r.Instant(5), r.Text(6), r.Day(7), r.Instant(8)))),
            Cases = Get<ImmutableArray<Domain.Supervision.SupervisionCase?>?>(e, "cases", o),
            Themes = Get<ThemeSet>(e, "themes", o),
            FocusAreas = Get<ImmutableArray<FocusAreaSelection>?>(e, "focusAreas", o),
            Agreements = NullIfEmpty(ReadRows(e, "agreements", r => new StoredAgreement(r.Text(0)!, r.Text(1)!, r.Text(2)!, r.Day(3)!.Value, r.Text(4)!,
                r.Instant(5)!.Value, r.Text(6) is null ? AgreementStatus.Open : r.Enum<AgreementStatus>(6), r.Instant(7), r.Text(8), r.Text(9)))),
            Tasks = NullIfEmpty(ReadRows(e, "tasks", r => new StoredTask(r.Enum<TaskKind>(0), r.Text(1)!, r.Enum<AssigneeRole>(2), r.Day(3)!.Value,
                r.Enum<TaskState>(4), r.Instant(5)!.Value, r.Instant(6), r.Text(7), r.Text(8)))),
            Opsamling = Get<Opsamling>(e, "opsamling", o),
            PastLoops = Get<ImmutableArray<LoopSummary>?>(e, "pastLoops", o),
        };
    }

    private static void Optional<T>(Utf8JsonWriter w, string name, T? value, JsonSerializerOptions o)
    {
        if (value is null) return;
        w.WritePropertyName(name);
        JsonSerializer.Serialize(w, value, o);
    }

    private static void Rows<T>(Utf8JsonWriter w, string name, IReadOnlyCollection<T> items, Action<Row, T> write)
    {
        if (items.Count == 0) return;
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartArray();
            write(new Row(w), item);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }

    private static T? Get<T>(JsonElement e, string name, JsonSerializerOptions o) =>
        e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.Deserialize<T>(o) : default;

    private static ImmutableArray<T> ReadRows<T>(JsonElement e, string name, Func<RowReader, T> read) =>
        e.TryGetProperty(name, out var rows) ? [.. rows.EnumerateArray().Select(row => read(new RowReader(row)))] : [];

    private static ImmutableArray<T>? NullIfEmpty<T>(ImmutableArray<T> rows) => rows.IsEmpty ? null : rows;

    public static string Instant(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return utc.Second == 0 && utc.Millisecond == 0 && utc.Ticks % TimeSpan.TicksPerMillisecond == 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)
            : utc.ToString("O", CultureInfo.InvariantCulture);
    }

    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Writes the columns of one row; empty columns are held back and written only when a later column has a value.</summary>
    private sealed class Row(Utf8JsonWriter w)
    {
        private int _empty;

        public Row Text(string? value)
        {
            if (value is null) _empty++;
            else
            {
                Flush();
                w.WriteStringValue(value);
            }

            return this;
        }

        public Row Instant(DateTimeOffset? value) => Text(value is { } at ? StoredLoopJson.Instant(at) : null);

        public Row Day(DateOnly? value) => Text(value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        public Row Number(int value)
        {
            if (value == 0) _empty++;
            else
            {
                Flush();
                w.WriteNumberValue(value);
            }

            return this;
        }

        public Row Texts(IEnumerable<string>? values)
        {
            if (values is null) _empty++;
            else
            {
                Flush();
                w.WriteStartArray();
                foreach (var value in values) w.WriteStringValue(value);
                w.WriteEndArray();
            }

            return this;
        }

        private void Flush()
        {
            for (; _empty > 0; _empty--) w.WriteNullValue();
        }
    }

    private readonly struct RowReader(JsonElement row)
    {
        private JsonElement? Column(int i) => i < row.GetArrayLength() && row[i].ValueKind != JsonValueKind.Null ? row[i] : null;

        public string? Text(int i) => Column(i)?.GetString();

        public T Enum<T>(int i) where T : struct, System.Enum => System.Enum.Parse<T>(Text(i)!);

        public DateTimeOffset? Instant(int i) => Text(i) is { } text ? ParseInstant(text) : null;

        public DateOnly? Day(int i) => Text(i) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

        public int Number(int i) => Column(i)?.GetInt32() ?? 0;

        public string[]? Texts(int i) => Column(i) is { } list ? [.. list.EnumerateArray().Select(x => x.GetString()!)] : null;
    }
}
