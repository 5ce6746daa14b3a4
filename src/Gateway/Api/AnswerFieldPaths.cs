using System.Text.RegularExpressions;
using Google.Protobuf.Collections;
using V1 = OrleansTilsyn.Contracts.Api.V1;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>
/// The report domain names an answer's fields by its place in the template
/// (<c>sections[{section}].questions[{question}].text</c>, unknown ones as <c>questions[{question}]</c>); a client
/// sees the request's own paths (<c>answers[3].text</c>, <c>answers[0].question</c>). A question the request does
/// not answer (a required one missing on submission) keeps its template path: no request field holds it.
/// </summary>
public static partial class AnswerFieldPaths
{
    /// <summary>Maps the domain's paths onto <paramref name="field"/>[i] of the request's <paramref name="answers"/>.</summary>
    public static Func<string, string> Of(RepeatedField<V1.Answer> answers, string field = "answers") => path =>
    {
        if (TemplatePath().Match(path) is { Success: true } inTemplate)
        {
            var index = IndexOf(answers, inTemplate.Groups["question"].Value);
            return index < 0 ? path : $"{field}[{index}]{inTemplate.Groups["rest"].Value}";
        }

        if (UnknownQuestion().Match(path) is { Success: true } unknown)
        {
            var index = IndexOf(answers, unknown.Groups["question"].Value);
            return index < 0 ? path : $"{field}[{index}].question";
        }

        return FieldPaths.ToRequest(path);
    };

    private static int IndexOf(RepeatedField<V1.Answer> answers, string question)
    {
        for (var i = 0; i < answers.Count; i++)
        {
            if (answers[i].Question == question) return i;
        }

        return -1;
    }

    [GeneratedRegex(@"^sections\[[^\]]*\]\.questions\[(?<question>[^\]]*)\](?<rest>\.[a-z]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TemplatePath();

    [GeneratedRegex(@"^questions\[(?<question>[^\]]*)\]$", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownQuestion();
}
