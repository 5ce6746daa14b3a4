using System.Globalization;

namespace OrleansTilsyn.Grains.Domain.Import;

/// <summary>
/// The one way a number is written in an import file: an optional leading '-', digits, and at most one
/// decimal separator followed by digits. The separator follows the file's delimiter: ',' in a
/// ';'-delimited file (as Danish LIS exports are), '.' in a ','-delimited file. Nothing else is read:
/// no thousands separators, no spaces, no '+', no exponent, no '%', no empty value, and at most
/// <see cref="MaxDigits"/> digits (leading zeros aside), so every accepted text is exactly the decimal it says.
/// </summary>
public static class CsvDecimal
{
    /// <summary>A decimal holds every number of up to 28 digits exactly; longer ones would be rounded.</summary>
    public const int MaxDigits = 28;

    public static char SeparatorFor(char delimiter) => delimiter == ';' ? ',' : '.';

    /// <summary>The value of <paramref name="text"/> (already trimmed), or why it is not a number of this file.</summary>
    public static bool TryParse(string text, char separator, out decimal value, out string error)
    {
        value = 0;
        var example = $"-12{separator}5";
        var other = separator == ',' ? '.' : ',';
        var delimiter = separator == ',' ? ';' : ',';
        error = text.Length == 0 ? $"is required: a number such as {example}"
            : text.Contains('%') ? $"'{text}' has a '%': give the number alone, e.g. 12{separator}5 for 12{separator}5 %"
            : text.Contains(other) ? $"'{text}' has a '{other}': in a '{delimiter}'-delimited file the decimal separator is '{separator}', and numbers have no thousands separator"
            : !IsPlain(text, separator, out var digits) ? $"'{text}' is not a number: write an optional '-', digits and at most one decimal '{separator}', e.g. {example}"
            : digits > MaxDigits ? $"'{text}' has more than {MaxDigits} digits"
            : "";
        if (error.Length > 0) return false;
        value = decimal.Parse(text.Replace(separator, '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>'-'? digits (separator digits)?; <paramref name="digits"/> counts the digits that carry value.</summary>
    private static bool IsPlain(string text, char separator, out int digits)
    {
        var i = text[0] == '-' ? 1 : 0;
        var integerStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        var integerDigits = text.AsSpan(integerStart, i - integerStart).TrimStart('0').Length;
        var hasInteger = i > integerStart;
        var fractionDigits = 0;
        if (i < text.Length && text[i] == separator)
        {
            var fractionStart = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            fractionDigits = i - fractionStart;
            if (fractionDigits == 0) hasInteger = false;
        }
        digits = integerDigits + fractionDigits;
        return hasInteger && i == text.Length;
    }
}
