using Orleans;
using Orleans.Concurrency;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Contracts.Grains;

/// <summary>
/// One written document of a unit's loop (key "{unit}/{kind}/{occurrence}", see <see cref="GrainKeys.Document"/>):
/// minutes, a 1:1 record, a board report, the board's statements or the summing-up. Versions are
/// write-once; the unit grain appends them after its own commit (an outbox), so appending a version
/// that exists is a no-op. Readers go through the unit's permissions.
/// </summary>
[Alias("tilsyn.IDocumentGrain")]
public interface IDocumentGrain : IGrainWithStringKey
{
    /// <summary>Appends version n (the unit grain calls this); n must be the next version or an existing one (then nothing changes).</summary>
    Task<Result<DocumentVersionDto>> AppendAsync(DocumentVersionDto version);

    [AlwaysInterleave]
    Task<Result<DocumentDto>> GetAsync();
}
