namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>One option of a single-choice question; answers name the <see cref="Id"/>, prints show the <see cref="Label"/>.</summary>
public sealed record ChoiceOption(string Id, string Label);
