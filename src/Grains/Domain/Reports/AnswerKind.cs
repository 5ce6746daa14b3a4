using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>How a question is answered. Each kind fills exactly one field of <see cref="Answer"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnswerKind>))]
public enum AnswerKind
{
    /// <summary>Ja/nej, with an explanation as <see cref="ExplanationRule"/> says.</summary>
    YesNo,
    Text,
    /// <summary>One of the question's options, by option id.</summary>
    Choice,
    /// <summary>A reference to a document kept elsewhere (an id or URL); the service stores no files.</summary>
    Attachment,
}
