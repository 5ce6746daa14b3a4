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

    /// <summary>Submitted versions of a written report: the submission and up to seven corrections (GetReport embeds them all).</summary>
    public const int ReportVersions = 8;

    /// <summary>Saved draft versions of a written report (the report keeps each save's changes).</summary>
    public const int DraftSaves = 1000;

    /// <summary>Sections of a report template.</summary>
    public const int TemplateSections = 20;

    /// <summary>Questions of a report template, all sections together.</summary>
    public const int TemplateQuestions = 100;

    /// <summary>Options of a choice question.</summary>
    public const int ChoiceOptions = 20;

    /// <summary>Published versions of one report template.</summary>
    public const int TemplateVersions = 50;

    /// <summary>Report templates (ids) in the library.</summary>
    public const int Templates = 50;

    /// <summary>Templates in one page of ListTemplates, whatever page size is asked for (a template may be ~120 KB).</summary>
    public const int TemplatesPerPage = 20;

    /// <summary>Agreements in one page of ListAgreements: an agreement may be ~15 KB (action, owner and closing note at
    /// their maxima, three bytes a character); 200 of them (~3 MB) stay under the 4 MiB send limit, 500 would not.</summary>
    public const int AgreementsPerPage = 200;
}
