using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Agreements;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.FollowUps;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Supervision;

namespace OrleansTilsyn.Grains.Mapping;

/// <summary>Minutes, records, agreements and agendas between the wire and the domain.</summary>
public static class MeetingMapping
{
    public static ConversationRecordDraft ToDomain(this MinutesDto m) => new(
        [.. m.Participants.OrEmpty().Select(p => new Participant(p?.Name!, p?.Function!, p?.Role ?? ParticipantRole.Other))],
        m.DataBasis.OrEmpty(), m.DataPoints.OrEmpty(), m.PossibleNextSteps.OrEmpty(), m.DecisionKind, m.Decision,
        [.. m.Agreements.OrEmpty().Select(ToDomain)], m.ClosingRemarks, m.ChildrenPerspective);

    public static MinutesDto ToDto(this ConversationRecordDraft d) => new(
        [.. d.Participants.Select(p => new ParticipantDto(p.Name, p.Function, p.Role))],
        d.DataBasis, d.DataPoints, d.PossibleNextSteps, d.DecisionKind, d.Decision, [.. d.Agreements.Select(ToDto)], d.ClosingRemarks, d.ChildrenPerspective);

    public static OneToOneRecordDraft ToDomain(this OneToOneRecordDto r) =>
        new(r.Summary, r.Decisions.OrEmpty(), [.. r.Agreements.OrEmpty().Select(ToDomain)]);

    public static OneToOneRecordDto ToDto(this OneToOneRecordDraft d) => new(d.Summary, d.Decisions.OrEmpty(), [.. d.Agreements.OrEmpty().Select(ToDto)]);

    public static BoardReportContent ToDomain(this BoardReportContentDto c) => new(c.BasicSupervision, c.MunicipalGuidelines, c.PedagogicalSupervision);

    public static BoardReportContentDto ToDto(this BoardReportContent c) => new(c.BasicSupervision, c.MunicipalGuidelines, c.PedagogicalSupervision);

    public static AgreementDraft ToDomain(this AgreementDraftDto? a) => new(a?.Action!, a?.Owner!, a?.Due ?? default);

    public static AgreementDraftDto ToDto(this AgreementDraft a) => new(a.Action, a.Owner, a.Due);

    public static FocusArea ToDomain(this FocusAreaDto? f) => new(f?.ThemeCode!, f?.Title!, f?.Description);

    public static FocusAreaDto ToDto(this FocusArea f) => new(f.ThemeCode, f.Title, f.Description);

    public static AgreementDto ToDto(this Agreement a, DateOnly today) => new(
        a.Id, a.Source.Kind, a.Source.Occurrence, a.Action, a.Owner, a.Due, a.CreatedBy, a.CreatedAt, a.Status, a.ClosedAt, a.ClosedBy, a.ClosingNote,
        a.IsPastDue(today));

    public static ConversationAgendaDto ToDto(this ConversationAgenda a, Conversation c, ImmutableArray<BoardStatementDto> statements, DateTimeOffset now)
    {
        var today = Domain.Calendar.DomainDates.DayOf(now);
        return new ConversationAgendaDto(c.ToDto(now), a.Holder,
            [.. a.Items.Select(i => new AgendaItemDto(i.Order, i.Title, i.Minutes, i.Responsible, [.. i.Parts.Select(p => new AgendaPartDto(p.Title, p.Minutes))], i.RecordedAs))],
            [.. a.RequiredParticipants.Select(p => new ParticipantRequirementDto(p.Role, p.Attendance))],
            [.. a.Themes.Select(t => new ThemeDto(t.Code, t.Title))],
            [.. a.FocusAreas.Select(ToDto)],
            statements,
            [.. a.OpenAgreements.Select(x => x.ToDto(today))]);
    }

    public static OneToOneAgendaDto ToDto(this OneToOneAgenda a, DateTimeOffset now)
    {
        var today = Domain.Calendar.DomainDates.DayOf(now);
        return new OneToOneAgendaDto(a.Key, a.Due, a.CommonItems, a.DataWheel.LatestRelease?.ToString(), a.DataWheel.NextConversation?.ToString(),
            a.DataWheel.NextWindowOpen, a.DataWheel.NextWindowClose, [.. a.OpenAgreements.Select(x => x.ToDto(today))]);
    }
}
