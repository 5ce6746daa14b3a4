namespace OrleansTilsyn.Grains.Common;

/// <summary>What a commit records in its audit event beside who and when: the command, its outcome and a short detail.</summary>
public sealed record CommitNote(string Command, string Outcome = "ok", string? Detail = null);
