namespace OrleansTilsyn.Grains.Domain.Limits;

/// <summary>
/// The longest text a user may write into each kind of field, in UTF-16 code units (what .NET and
/// JavaScript count as a string's length). Every limit is documented in the proto comment of its field
/// and in the inventory of <c>src/Grains/LIMITS.md</c>, which says why each is what it is.
/// </summary>
public static class TextLimits
{
    /// <summary>A person's name, a function, an agreement's owner, a focus area's or theme's title.</summary>
    public const int Name = 200;

    /// <summary>A political theme's code.</summary>
    public const int Code = 40;

    /// <summary>Reasons, closing and review notes, descriptions, an agreement's action.</summary>
    public const int Note = 2000;

    /// <summary>One point of the minutes: the decision, a data point, a next step, remarks; a 1:1 decision.</summary>
    public const int Entry = 4000;

    /// <summary>The summary of a 1:1.</summary>
    public const int OneToOneSummary = 8000;

    /// <summary>The board's statement, each part of the board's report, the notes of a follow-up meeting.</summary>
    public const int Statement = 20000;

    /// <summary>The loop's summing-up (opsamling).</summary>
    public const int Opsamling = 50000;

    /// <summary>All text a report template shows (title, section titles, question texts, option labels) together.</summary>
    public const int TemplateTotal = 40000;

    /// <summary>
    /// The most text one full set of answers to a template can hold: the sum over its questions of the
    /// longest answer each takes (its max length; a reference or an option id counts as their maximum).
    /// </summary>
    public const int TemplateAnswers = 100000;

    /// <summary>All text of one version of a conversation's minutes together (see <see cref="CollectionLimits.MinutesVersions"/>).</summary>
    public const int MinutesTotal = 60000;
}
