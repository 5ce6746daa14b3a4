using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>The five kinds of data a samtale is based on (framework, "Datagrundlag" A-E).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DataBasisKind>))]
[GenerateSerializer, Alias("tilsyn.DataBasisKind")]
public enum DataBasisKind
{
    /// <summary>A: quantitative data packages.</summary>
    QuantitativeDataPackage,
    /// <summary>B: data collected systematically from own practice.</summary>
    OwnPracticeData,
    /// <summary>C: input from 1:1 follow-ups.</summary>
    OneToOneInput,
    /// <summary>D: input from parents and the board (the board's statement counts here).</summary>
    ParentAndBoardInput,
    /// <summary>E: input from the children and young people (pupil councils, senates).</summary>
    ChildrenAndYouthInput,
}
