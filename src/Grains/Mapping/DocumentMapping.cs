using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.Documents;
using OrleansTilsyn.Grains.Domain.FollowUps;
using OrleansTilsyn.Grains.Domain.Supervision;

namespace OrleansTilsyn.Grains.Mapping;

public static class DocumentMapping
{
    public static DocumentVersionDto ToDto(this LoopDocument d) =>
        new(d.Version, d.Content.ToDto(), d.WrittenBy, d.WrittenAt, d.CorrectionReason);

    public static DocumentContentDto ToDto(this DocumentContent content) => content switch
    {
        ConversationRecordDraft minutes => new DocumentContentDto(Minutes: minutes.ToDto()),
        OneToOneRecordDraft record => new DocumentContentDto(OneToOneRecord: record.ToDto()),
        BoardReportContent report => new DocumentContentDto(BoardReport: report.ToDto()),
        BoardStatementText statement => new DocumentContentDto(Text: statement.Text),
        OpsamlingText opsamling => new DocumentContentDto(Text: opsamling.Summary),
        _ => throw new ArgumentOutOfRangeException(nameof(content), content.GetType().Name, "Unknown document content."),
    };
}
