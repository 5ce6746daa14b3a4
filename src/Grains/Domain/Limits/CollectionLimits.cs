namespace OrleansTilsyn.Grains.Domain.Limits;

/// <summary>
/// How many of each thing users add may exist, so no read that returns them can outgrow a message
/// (the gateway sends at most 4 MiB; text counts up to 3 bytes a character in UTF-8). Beyond a cap a
/// command is refused as a state condition (FAILED_PRECONDITION naming the resource); too many items in
/// one request is invalid input (INVALID_ARGUMENT naming the list). Why each is what it is:
/// <c>src/Grains/LIMITS.md</c>.
/// </summary>
public static class CollectionLimits
{
    /// <summary>Board statements on one conversation (the agenda embeds them all).</summary>
    public const int BoardStatementsPerConversation = 20;

    /// <summary>Versions of a conversation's minutes: the submission and up to nine corrections (GetConversation embeds them all).</summary>
    public const int MinutesVersions = 10;

    /// <summary>Participants listed in one version of the minutes.</summary>
    public const int ParticipantsPerRecord = 30;

    /// <summary>Data points, possible next steps (minutes) and decisions (1:1 record) in one list.</summary>
    public const int LinesPerList = 20;

    /// <summary>Agreements made by one set of minutes or one 1:1 record.</summary>
    public const int AgreementsPerRecord = 20;

    /// <summary>Open agreements of a unit (agendas embed them all; they carry forward until closed).</summary>
    public const int OpenAgreements = 100;

    /// <summary>Choices of focus areas in one loop (the unit's state keeps every version).</summary>
    public const int FocusAreaChoicesPerLoop = 10;

    /// <summary>Political themes of one loop.</summary>
    public const int ThemesPerLoop = 20;
}
