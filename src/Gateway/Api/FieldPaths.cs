using System.Text;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>
/// The domain names fields in camelCase relative to what it validated (<c>participants[0].name</c>,
/// <c>scheduledFor</c>); clients see proto field paths (<c>record.participants[0].name</c>,
/// <c>scheduled_for</c>). Paths that are not identifiers (CSV errors such as <c>line 3: name</c>) pass unchanged.
/// </summary>
public static class FieldPaths
{
    /// <summary>camelCase segments to snake_case, indices kept.</summary>
    public static string ToRequest(string domainField)
    {
        if (string.IsNullOrEmpty(domainField) || domainField.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '[' or ']' or '_')))
        {
            return domainField;
        }

        var snake = new StringBuilder(domainField.Length + 8);
        for (var i = 0; i < domainField.Length; i++)
        {
            var c = domainField[i];
            if (char.IsAsciiLetterUpper(c))
            {
                if (i > 0 && char.IsAsciiLetterOrDigit(domainField[i - 1])) snake.Append('_');
                snake.Append(char.ToLowerInvariant(c));
            }
            else
            {
                snake.Append(c);
            }
        }

        return snake.ToString();
    }

    /// <summary>Puts the fields of a nested message under <paramref name="prefix"/> (e.g. <c>record</c>),
    /// except the request's own top-level fields named in <paramref name="topLevel"/>.</summary>
    public static Func<string, string> Under(string prefix, params string[] topLevel) => field =>
    {
        var path = ToRequest(field);
        if (path.Length == 0 || path.Contains(' ', StringComparison.Ordinal) || topLevel.Contains(path, StringComparer.Ordinal)) return path;
        return path == prefix || path.StartsWith(prefix + ".", StringComparison.Ordinal) ? path : $"{prefix}.{path}";
    };
}
