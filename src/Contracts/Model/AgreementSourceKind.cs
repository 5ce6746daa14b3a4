using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

[JsonConverter(typeof(JsonStringEnumConverter<AgreementSourceKind>))]
[GenerateSerializer, Alias("tilsyn.AgreementSourceKind")]
public enum AgreementSourceKind
{
    Conversation,
    OneToOne,
}
