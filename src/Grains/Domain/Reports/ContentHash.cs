using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>
/// The content hash on a receipt: lowercase hex SHA-256 of the UTF-8 bytes of the canonical form
/// <code>{"answers":[{"attachment":…,"choice":…,"explanation":…,"question":"b1","text":…,"yes":true},…],"template":{"id":"…","version":1}}</code>
/// That is RFC 8785 (JCS) JSON: no whitespace, object keys in code-unit order, absent fields left
/// out, answers sorted by question id (ordinal), strings with only <c>"</c>, <c>\</c> and control
/// characters escaped (\b \t \n \f \r, else \u00xx lowercase), the rest as literal UTF-8. Answers are
/// hashed as stored, i.e. already normalised by <see cref="AnswerRules.Normalize"/> (\n line breaks, NFC,
/// trimmed), so anyone can recompute the hash from the stored answers and the template reference.
/// </summary>
public static class ContentHash
{
    public static string Compute(TemplateRef template, IEnumerable<Answer> answers) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(template, answers))));

    public static string Canonical(TemplateRef template, IEnumerable<Answer> answers)
    {
        var b = new StringBuilder("{\"answers\":[");
        var first = true;
        foreach (var a in answers.OrderBy(a => a.Question, StringComparer.Ordinal))
        {
            if (!first) b.Append(',');
            first = false;
            b.Append('{');
            var fields = new List<(string Key, string Json)>();
            if (a.Attachment is { } attachment) fields.Add(("attachment", Quote(attachment)));
            if (a.Choice is { } choice) fields.Add(("choice", Quote(choice)));
            if (a.Explanation is { } explanation) fields.Add(("explanation", Quote(explanation)));
            fields.Add(("question", Quote(a.Question)));
            if (a.Text is { } text) fields.Add(("text", Quote(text)));
            if (a.Yes is { } yes) fields.Add(("yes", yes ? "true" : "false"));
            b.AppendJoin(',', fields.Select(f => $"{Quote(f.Key)}:{f.Json}"));
            b.Append('}');
        }
        b.Append("],\"template\":{\"id\":").Append(Quote(template.Id))
            .Append(",\"version\":").Append(template.Version.ToString(CultureInfo.InvariantCulture)).Append("}}");
        return b.ToString();
    }

    private static string Quote(string s)
    {
        var b = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\b': b.Append("\\b"); break;
                case '\t': b.Append("\\t"); break;
                case '\n': b.Append("\\n"); break;
                case '\f': b.Append("\\f"); break;
                case '\r': b.Append("\\r"); break;
                case < ' ': b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: b.Append(c); break;
            }
        }
        return b.Append('"').ToString();
    }
}
