namespace OrleansTilsyn.Grains.Domain.Organisation;

/// <summary>A department, site or club of a unit; data and records can be per sub-unit.</summary>
public sealed record SubUnit(SubUnitId Id, string Name);
