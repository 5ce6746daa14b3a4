namespace OrleansTilsyn.Grains.Domain.Organisation;

/// <summary>What every id in the organisation looks like: 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit.</summary>
public static class IdRules
{
    public const int MaxLength = 64;

    public static bool IsValid(string? text) =>
        !string.IsNullOrEmpty(text)
        && text.Length <= MaxLength
        && char.IsAsciiLetterOrDigit(text[0])
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public const string Description = "must be 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit";
}
