using System.Text.Json.Serialization;

namespace OrleansTilsyn.Contracts.Model;

[JsonConverter(typeof(JsonStringEnumConverter<AgreementSourceKind>))]
public enum AgreementSourceKind
{
    Conversation,
    OneToOne,
}
