using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Api.V1;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api.Mapping;

/// <summary>Meeting content between tilsyn.v1 and the domain: minutes, 1:1 records, board reports,
/// agreements, agendas. Requests are checked for what only the wire can get wrong (unset enums,
/// impossible days); the domain checks every rule of the framework.</summary>
public static class MeetingMapping
{
    public static Model.MinutesDto ToModel(this ConversationRecordContent? content, string field)
    {
        if (content is null) throw Grpc.GrpcErrors.InvalidArgument($"{field} is required.", (field, "is required"));
        var v = new RequestViolations();
        var participants = content.Participants.Select((p, i) => new Model.ParticipantDto(p.Name, p.Function,
            v.Enum<ParticipantRole, Model.ParticipantRole>(p.Role, $"{field}.participants[{i}].role"))).ToImmutableArray();
        var basis = content.DataBasis.Select((b, i) => v.Enum<DataBasisKind, Model.DataBasisKind>(b, $"{field}.data_basis[{i}]")).ToImmutableArray();
        var decision = v.Enum<DecisionKind, Model.DecisionKind>(content.DecisionKind, $"{field}.decision_kind");
        var agreements = content.Agreements.Select((a, i) => a.ToModel($"{field}.agreements[{i}]", v)).ToImmutableArray();
        v.ThrowIfAny($"The {field} cannot be read.");
        return new Model.MinutesDto(participants, basis, [.. content.DataPoints], [.. content.PossibleNextSteps], decision, content.Decision,
            agreements, NullIfEmpty(content.ClosingRemarks), NullIfEmpty(content.ChildrenPerspective));
    }

    public static ConversationRecordContent ToApi(this Model.MinutesDto m)
    {
        var content = new ConversationRecordContent
        {
            DecisionKind = ApiEnums.ToApi<Model.DecisionKind, DecisionKind>(m.DecisionKind),
            Decision = m.Decision ?? "",
            ClosingRemarks = m.ClosingRemarks ?? "",
            ChildrenPerspective = m.ChildrenPerspective ?? "",
        };
        content.Participants.AddRange(m.Participants.OrEmpty().Select(p => new Participant
        {
            Name = p.Name, Function = p.Function, Role = ApiEnums.ToApi<Model.ParticipantRole, ParticipantRole>(p.Role),
        }));
        content.DataBasis.AddRange(m.DataBasis.OrEmpty().Select(ApiEnums.ToApi<Model.DataBasisKind, DataBasisKind>));
        content.DataPoints.AddRange(m.DataPoints.OrEmpty());
        content.PossibleNextSteps.AddRange(m.PossibleNextSteps.OrEmpty());
        content.Agreements.AddRange(m.Agreements.OrEmpty().Select(ToApi));
        return content;
    }

    public static Model.OneToOneRecordDto ToModel(this OneToOneRecordContent? content, string field)
    {
        if (content is null) throw Grpc.GrpcErrors.InvalidArgument($"{field} is required.", (field, "is required"));
        var v = new RequestViolations();
        var agreements = content.Agreements.Select((a, i) => a.ToModel($"{field}.agreements[{i}]", v)).ToImmutableArray();
        v.ThrowIfAny($"The {field} cannot be read.");
        return new Model.OneToOneRecordDto(content.Summary, [.. content.Decisions], agreements);
    }

    public static OneToOneRecordContent ToApi(this Model.OneToOneRecordDto r)
    {
        var content = new OneToOneRecordContent { Summary = r.Summary ?? "" };
        content.Decisions.AddRange(r.Decisions.OrEmpty());
        content.Agreements.AddRange(r.Agreements.OrEmpty().Select(ToApi));
        return content;
    }

    public static Model.BoardReportContentDto ToModel(this BoardReportContent? content, string field) => content is null
        ? throw Grpc.GrpcErrors.InvalidArgument($"{field} is required.", (field, "is required"))
        : new Model.BoardReportContentDto(content.BasicSupervision, content.MunicipalGuidelines, content.PedagogicalSupervision);

    public static BoardReportContent ToApi(this Model.BoardReportContentDto c) => new()
    {
        BasicSupervision = c.BasicSupervision ?? "", MunicipalGuidelines = c.MunicipalGuidelines ?? "", PedagogicalSupervision = c.PedagogicalSupervision ?? "",
    };

    public static AgreementDraft ToApi(this Model.AgreementDraftDto a) => new() { Action = a.Action, Owner = a.Owner, Due = a.Due.ToApi() };

    private static Model.AgreementDraftDto ToModel(this AgreementDraft a, string field, RequestViolations v) =>
        new(a.Action, a.Owner, v.Date(a.Due, $"{field}.due"));

    public static Agreement ToApi(this Model.AgreementDto a, string unit) => new()
    {
        Name = ResourceNames.Agreement.Format(unit, a.Id),
        SourceKind = ApiEnums.ToApi<Model.AgreementSourceKind, AgreementSourceKind>(a.SourceKind),
        Source = a.SourceKind == Model.AgreementSourceKind.Conversation
            ? ResourceNames.Conversation.Format(unit, a.Source)
            : ResourceNames.OneToOne.Format(unit, a.Source),
        Action = a.Action,
        Owner = a.Owner,
        Due = a.Due.ToApi(),
        Status = ApiEnums.ToApi<Model.AgreementStatus, AgreementStatus>(a.Status),
        PastDue = a.PastDue,
        Created = CommonMapping.Attribution(a.CreatedBy, a.CreatedAt),
        Closed = CommonMapping.Attribution(a.ClosedBy, a.ClosedAt),
        ClosingNote = a.ClosingNote ?? "",
    };

    public static BoardStatement ToApi(this Model.BoardStatementDto s) =>
        new() { Text = s.Text, Submitted = CommonMapping.Attribution(s.WrittenBy, s.WrittenAt) };

    public static BoardStatement ToBoardStatement(this Model.DocumentVersionDto v) =>
        new() { Text = v.Content.Text ?? "", Submitted = CommonMapping.Attribution(v.WrittenBy, v.WrittenAt) };

    public static ConversationAgenda ToApi(this Model.ConversationAgendaDto a, string unit)
    {
        var agenda = new ConversationAgenda
        {
            Conversation = ResourceNames.Conversation.Format(unit, a.Conversation.Period),
            Holder = ApiEnums.ToApi<Model.ConversationHolder, ConversationHolder>(a.Holder),
            TotalMinutes = a.Items.Sum(i => i.Minutes),
        };
        agenda.Items.AddRange(a.Items.Select(i =>
        {
            var item = new AgendaItem { Order = i.Order, Title = i.Title, Minutes = i.Minutes, Responsible = i.Responsible, RecordedAs = FieldPaths.ToRequest(i.RecordedAs ?? "") };
            item.Parts.AddRange(i.Parts.OrEmpty().Select(p => new AgendaPart { Title = p.Title, Minutes = p.Minutes }));
            return item;
        }));
        agenda.RequiredParticipants.AddRange(a.RequiredParticipants.Select(p => p.ToApi()));
        agenda.Themes.AddRange(a.Themes.Select(t => t.ToApi()));
        agenda.FocusAreas.AddRange(a.FocusAreas.Select(f => f.ToApi()));
        agenda.BoardStatements.AddRange(a.BoardStatements.Select(s => s.ToApi()));
        agenda.OpenAgreements.AddRange(a.OpenAgreements.Select(x => x.ToApi(unit)));
        return agenda;
    }

    public static OneToOneAgenda ToApi(this Model.OneToOneAgendaDto a, string unit)
    {
        var agenda = new OneToOneAgenda
        {
            OneToOne = ResourceNames.OneToOne.Format(unit, a.Key),
            Due = a.Due.ToApi(),
            DataWheel = new DataWheelPosition
            {
                LatestReleasePeriod = a.LatestRelease ?? "",
                NextConversationPeriod = a.NextConversation ?? "",
                NextWindowOpen = a.NextWindowOpen.ToApi(),
                NextWindowClose = a.NextWindowClose.ToApi(),
            },
        };
        agenda.CommonItems.AddRange(a.CommonItems);
        agenda.OpenAgreements.AddRange(a.OpenAgreements.Select(x => x.ToApi(unit)));
        return agenda;
    }

    public static ParticipantRequirement ToApi(this Model.ParticipantRequirementDto p) => new()
    {
        Role = ApiEnums.ToApi<Model.ParticipantRole, ParticipantRole>(p.Role),
        Attendance = ApiEnums.ToApi<Model.Attendance, Attendance>(p.Attendance),
    };

    private static ImmutableArray<T> OrEmpty<T>(this ImmutableArray<T> items) => items.IsDefault ? [] : items;

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
