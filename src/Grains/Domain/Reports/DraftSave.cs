using System.Collections.Immutable;

namespace OrleansTilsyn.Grains.Domain.Reports;

/// <summary>
/// One attributed save of a draft: only what changed against the previous version (answers set or
/// changed, questions cleared), so a long history stays small. Any version is rebuilt by replaying saves.
/// </summary>
public sealed record DraftSave(int Version, string SavedBy, DateTimeOffset SavedAt, ImmutableArray<Answer> Set, ImmutableArray<string> Cleared);
