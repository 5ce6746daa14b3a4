using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>
/// The answer to one question, by question id. Exactly the field of the question's kind is used:
/// <see cref="Yes"/> (+ <see cref="Explanation"/>) for yes/no, <see cref="Text"/>, <see cref="Choice"/>
/// (an option id) or <see cref="Attachment"/> (a reference). Stored normalised (see <see cref="AnswerRules"/>).
/// </summary>
public sealed record Answer(string Question)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Yes { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Choice { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Attachment { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Explanation { get; init; }

    [JsonIgnore]
    public bool IsEmpty => Yes is null && Text is null && Choice is null && Attachment is null && Explanation is null;
}
