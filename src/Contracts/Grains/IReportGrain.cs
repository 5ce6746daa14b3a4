using System.Collections.Immutable;
using Orleans;
using Orleans.Concurrency;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Contracts.Grains;

/// <summary>
/// One board's written report (key = report id: "unit-1/tilsyn/2023", "unit-1/udtalelse-samtale/2023-Autumn",
/// "unit-1/udtalelse-kvalitetsrapport/2025"). Only the unit's board writes; a submitted report is read
/// by the board, the unit's chief and the administration; operations get the status only. A submitted
/// supervision report opens the chief's case in the unit's loop; a conversation statement lands in the samtale.
/// </summary>
[Alias("tilsyn.IReportGrain")]
public interface IReportGrain : IGrainWithStringKey
{
    /// <summary>Opens the report on the latest template of its kind; starting again returns the report as it is.</summary>
    Task<Result<ReportDto>> StartAsync();

    /// <summary>The whole draft; stores what changed as the next attributed version. Conflict when basedOnVersion is not the latest.</summary>
    Task<Result<ReportDto>> SaveDraftAsync(ImmutableArray<AnswerDto> answers, int? basedOnVersion);

    /// <summary>Submits the latest draft; every missing answer at once; the same key returns the same receipt.</summary>
    Task<Result<SubmissionDto>> SubmitAsync(string idempotencyKey, int? draftVersion);

    /// <summary>A new submitted version with a reason and its own receipt.</summary>
    Task<Result<SubmissionDto>> CorrectAsync(ImmutableArray<AnswerDto> answers, string reason, string idempotencyKey);

    [AlwaysInterleave]
    Task<Result<ReportDto>> GetAsync();

    /// <summary>The receipt of a submitted version (the latest when null).</summary>
    [AlwaysInterleave]
    Task<Result<ReceiptDto>> GetReceiptAsync(int? version);

    /// <summary>A submitted version as standalone printable HTML (the latest when null).</summary>
    [AlwaysInterleave]
    Task<Result<string>> RenderPrintableAsync(int? version);

    /// <summary>Progress without content (operations and everyone who may read the report).</summary>
    [AlwaysInterleave]
    Task<Result<ReportStatusDto>> GetStatusAsync();
}
