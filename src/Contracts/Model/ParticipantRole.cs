using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>The functions in the framework's participant table for læringssamtaler.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ParticipantRole>))]
[GenerateSerializer, Alias("tilsyn.ParticipantRole")]
public enum ParticipantRole
{
    Chief,
    Leader,
    PedagogicalLeader,
    FuDeputy,
    LeisureCentreLeader,
    YouthSchoolCoordinator,
    EmployeeRepresentative,
    BoardRepresentative,
    ProfessionalConsultant,
    DepartmentLeaderRepresentative,
    YouthRepresentative,
    PupilRepresentative,
    AdHoc,
    MinuteTaker,
    Other,
}
