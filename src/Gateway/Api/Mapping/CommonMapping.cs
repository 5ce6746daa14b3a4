using Google.Protobuf.WellKnownTypes;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Grpc;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api.Mapping;

/// <summary>Attributions, instants, sectors and areas between the domain and tilsyn.v1.</summary>
public static class CommonMapping
{
    public static Timestamp ToApi(this DateTimeOffset instant) => Timestamp.FromDateTimeOffset(instant);

    public static Timestamp? ToApi(this DateTimeOffset? instant) => instant is { } i ? Timestamp.FromDateTimeOffset(i) : null;

    /// <summary>Who and when; null when nobody did it (yet).</summary>
    public static Attribution? Attribution(string? actor, DateTimeOffset? at) =>
        actor is null && at is null ? null : new Attribution { Actor = actor ?? "", Time = at.ToApi() };

    public static Sector ToApi(this Model.Sector sector) => ApiEnums.ToApi<Model.Sector, Sector>(sector);

    public static AgeArea ToApi(this Model.AgeArea area) => ApiEnums.ToApi<Model.AgeArea, AgeArea>(area);

    public static Model.AgeArea AgeAreaOf(Model.Sector sector) => sector == Model.Sector.Dagtilbud ? Model.AgeArea.ZeroToSix : Model.AgeArea.SixToEighteen;

    /// <summary>The sector segment of resource names: <c>dagtilbud</c>, <c>skole</c>, <c>fu</c>.</summary>
    public static string Segment(this Model.Sector sector) => sector.ToString().ToLowerInvariant();

    public static Model.Sector ParseSectorSegment(string segment, string field) => segment switch
    {
        "dagtilbud" => Model.Sector.Dagtilbud,
        "skole" => Model.Sector.Skole,
        "fu" => Model.Sector.Fu,
        _ => throw GrpcErrors.InvalidArgument($"'{segment}' is not a sector.", (field, "the sector segment must be dagtilbud, skole or fu")),
    };

    /// <summary>The area segment of resource names: <c>0-6</c> or <c>6-18</c>.</summary>
    public static string Segment(this Model.AgeArea area) => area == Model.AgeArea.ZeroToSix ? "0-6" : "6-18";

    public static Model.AgeArea ParseAreaSegment(string segment, string field) => segment switch
    {
        "0-6" => Model.AgeArea.ZeroToSix,
        "6-18" => Model.AgeArea.SixToEighteen,
        _ => throw GrpcErrors.InvalidArgument($"'{segment}' is not an age area.", (field, "the area segment must be 0-6 or 6-18")),
    };

    /// <summary>A loop of an area by its report year (odd for 0-6, even for 6-18): the grain key "0-6/2025".</summary>
    public static string LoopKey(Model.AgeArea area, string yearSegment, string field)
    {
        var valid = int.TryParse(yearSegment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            && year is >= 2000 and <= 2200 && (year % 2 == 0) == (area == Model.AgeArea.SixToEighteen);
        return valid
            ? Contracts.Grains.GrainKeys.Area(area, year)
            : throw GrpcErrors.InvalidArgument($"'{yearSegment}' is not a loop year of {area.Segment()}.",
                (field, $"the year must be a report year of {area.Segment()} ({(area == Model.AgeArea.ZeroToSix ? "odd" : "even")}, 2000-2200)"));
    }

    public static FocusArea ToApi(this Model.FocusAreaDto area) => new() { ThemeCode = area.ThemeCode, Title = area.Title, Description = area.Description ?? "" };

    public static Model.FocusAreaDto ToModel(this FocusArea area) =>
        new(area.ThemeCode, area.Title, area.Description.Length == 0 ? null : area.Description);

    public static PoliticalTheme ToApi(this Model.ThemeDto theme) => new() { Code = theme.Code, Title = theme.Title };

    public static LoopHealthCounts ToApi(this Model.LoopHealthDto h) => new()
    {
        ConversationsHeld = h.ConversationsHeld,
        ConversationsOverdue = h.ConversationsOverdue,
        OneToOnesHeld = h.OneToOnesHeld,
        OneToOnesOverdue = h.OneToOnesOverdue,
        OpenTasks = h.OpenTasks,
        OverdueTasks = h.OverdueTasks,
        BoardReportsOverdue = h.BoardReportsOverdue,
        OpenAgreements = h.OpenAgreements,
        AgreementsPastDue = h.AgreementsPastDue,
        ConversationsDue = h.ConversationsDue,
        OneToOnesDue = h.OneToOnesDue,
        OneToOnesDueHeld = h.OneToOnesDueHeld,
        BoardReportsDue = h.BoardReportsDue,
        BoardReportsInReview = h.BoardReportsInReview,
    };

    public static void Add(this LoopHealthCounts total, LoopHealthCounts h)
    {
        total.ConversationsHeld += h.ConversationsHeld;
        total.ConversationsOverdue += h.ConversationsOverdue;
        total.OneToOnesHeld += h.OneToOnesHeld;
        total.OneToOnesOverdue += h.OneToOnesOverdue;
        total.OpenTasks += h.OpenTasks;
        total.OverdueTasks += h.OverdueTasks;
        total.BoardReportsOverdue += h.BoardReportsOverdue;
        total.OpenAgreements += h.OpenAgreements;
        total.AgreementsPastDue += h.AgreementsPastDue;
        total.ConversationsDue += h.ConversationsDue;
        total.OneToOnesDue += h.OneToOnesDue;
        total.OneToOnesDueHeld += h.OneToOnesDueHeld;
        total.BoardReportsDue += h.BoardReportsDue;
        total.BoardReportsInReview += h.BoardReportsInReview;
    }

    public static bool HasOverdue(this LoopHealthCounts h) =>
        h.ConversationsOverdue + h.OneToOnesOverdue + h.OverdueTasks + h.BoardReportsOverdue + h.AgreementsPastDue > 0;

    /// <summary>A required text field: INVALID_ARGUMENT when empty or longer than <paramref name="max"/>.</summary>
    public static string RequireText(string text, string field, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) throw GrpcErrors.InvalidArgument($"{field} is required.", (field, "is required"));
        return text.Length <= max ? text : throw GrpcErrors.InvalidArgument($"{field} is too long.", (field, $"must be at most {max} characters"));
    }

    /// <summary>An optional text field: null when empty; INVALID_ARGUMENT when longer than <paramref name="max"/>.</summary>
    public static string? OptionalText(string text, string field, int max) =>
        text.Length == 0 ? null : text.Length <= max ? text : throw GrpcErrors.InvalidArgument($"{field} is too long.", (field, $"must be at most {max} characters"));
}
