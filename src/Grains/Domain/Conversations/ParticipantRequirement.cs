namespace OrleansTilsyn.Grains.Domain.Conversations;

/// <summary>A function that must be present at conversations, and how often.</summary>
public sealed record ParticipantRequirement(ParticipantRole Role, Attendance Attendance);
