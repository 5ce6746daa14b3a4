using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>The write-once documents of a unit's loop, each kept by its own record grain.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocumentKind>))]
[GenerateSerializer, Alias("tilsyn.DocumentKind")]
public enum DocumentKind
{
    /// <summary>The minutes of a læringssamtale; corrections are new versions.</summary>
    Minutes,
    /// <summary>The record of a 1:1 follow-up.</summary>
    OneToOneRecord,
    /// <summary>A self-owned board's written supervision report for a year.</summary>
    BoardReport,
    /// <summary>The board's written statements for a samtale; each statement is a version.</summary>
    BoardStatement,
    /// <summary>The summing-up of a loop (key: the loop id).</summary>
    Opsamling,
}
