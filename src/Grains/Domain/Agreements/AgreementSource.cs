namespace OrleansTilsyn.Grains.Domain.Agreements;

/// <summary>Where an agreement was made: a samtale ("2023-Spring") or a 1:1 ("2023-Spring.2").</summary>
public sealed record AgreementSource(AgreementSourceKind Kind, string Occurrence)
{
    public override string ToString() => $"{(Kind == AgreementSourceKind.Conversation ? "conversation" : "one-to-one")}:{Occurrence}";
}
