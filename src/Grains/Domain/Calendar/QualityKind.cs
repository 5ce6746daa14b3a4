namespace OrleansTilsyn.Grains.Domain.Calendar;

public static class QualityKindRules
{
    public static bool TryParse(string? text, out QualityKind kind)
    {
        kind = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "structural" or "strukturel": kind = QualityKind.Structural; return true;
            case "process" or "processuel": kind = QualityKind.Process; return true;
            case "outcome" or "resultat": kind = QualityKind.Outcome; return true;
            default: return false;
        }
    }
}
