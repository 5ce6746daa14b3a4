namespace OrleansTilsyn.Grains.Domain.Conversations;

/// <summary>Someone who took part, as the minutes list them: name and function, plus the role it counts as.</summary>
public sealed record Participant(string Name, string Function, ParticipantRole Role);
